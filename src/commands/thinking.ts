import { parseThinking } from '../config/config.js';
import { settingCommand } from './value-command.js';

/** Max tokens that leave a thinking budget room for the answer too: twice the budget. */
export function maxTokensFor(budget: number): number {
  return budget * 2;
}

export const thinkingCommand = settingCommand({
  name: 'thinking',
  args: 'BUDGET|off',
  summary: 'extended thinking with a token budget (1024 or more, below max tokens), or off',
  key: 'thinkingBudget',
  // Checked against max tokens in `refuse`, not in the parser, so the message can name the fix.
  parse: (value) => parseThinking(value || 'missing', Number.POSITIVE_INFINITY, '/thinking'),
  refuse: (budget, { maxTokens }) =>
    budget !== undefined && budget >= maxTokens
      ? `/thinking ${budget} needs max tokens above it (now ${maxTokens}): /max-tokens ${maxTokensFor(budget)} first`
      : null,
  said: (budget) => (budget === undefined ? 'Thinking: off' : `Thinking budget: ${budget} tokens`),
});
