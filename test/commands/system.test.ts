import { systemCommand } from '../../src/commands/system.js';
import { commandCases } from '../support/command-cases.js';

commandCases(systemCommand, [
  {
    does: 'sets the system prompt, and no text clears it',
    calls: [
      [
        ' Be brief. ',
        { kind: 'settings', change: { system: 'Be brief.' }, text: 'System prompt set (9 chars)' },
      ],
      ['', { kind: 'settings', change: { system: undefined }, text: 'System prompt cleared' }],
    ],
  },
]);
