import { positiveInt } from '../config/config.js';
import { maxTokensFor } from './thinking.js';
import { settingCommand } from './value-command.js';

export const maxTokensCommand = settingCommand({
  name: 'max-tokens',
  args: 'N',
  summary: 'max output tokens for the next turns',
  key: 'maxTokens',
  missing: ({ maxTokens }) => `/max-tokens needs a number (now: ${maxTokens})`,
  parse: (value) => positiveInt('/max-tokens', value, 0),
  refuse: (maxTokens, { thinkingBudget: budget }) =>
    budget !== undefined && budget >= maxTokens
      ? `/max-tokens must stay above the thinking budget (${budget}): /max-tokens ${maxTokensFor(budget)}, or /thinking off first`
      : null,
  said: (maxTokens) => `Max tokens: ${maxTokens}`,
});
