import { maxTokensCommand } from '../../src/commands/max-tokens.js';
import { commandCases } from '../support/command-cases.js';

commandCases(maxTokensCommand, [
  {
    does: 'changes max tokens for the next turns',
    calls: [[' 2048 ', { kind: 'settings', change: { maxTokens: 2048 }, text: 'Max tokens: 2048' }]],
  },
  {
    does: 'says what it is now when given nothing',
    settings: { maxTokens: 1000 },
    calls: [['', { kind: 'error', text: '/max-tokens needs a number (now: 1000)' }]],
  },
  {
    does: 'refuses what is not a whole number of 1 or more',
    calls: [['1e3', { kind: 'error', text: "/max-tokens must be a whole number of 1 or more, got '1e3'" }]],
  },
]);
