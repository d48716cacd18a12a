import { positiveInt } from '../config/config.js';
import { type Command, error, isError, parsed } from './command.js';
import { maxTokensFor } from './thinking.js';

export const maxTokensCommand: Command = {
  name: 'max-tokens',
  args: 'N',
  summary: 'max output tokens for the next turns',
  run({ session }, args) {
    if (!args.trim()) return error(`/max-tokens needs a number (now: ${session.state.settings.maxTokens})`);
    const maxTokens = parsed(() => positiveInt('/max-tokens', args.trim(), 0));
    if (isError(maxTokens)) return maxTokens;
    const budget = session.state.settings.thinkingBudget;
    if (budget !== undefined && budget >= maxTokens) {
      return error(
        `/max-tokens must stay above the thinking budget (${budget}): /max-tokens ${maxTokensFor(budget)}, or /thinking off first`,
      );
    }
    return { kind: 'settings', change: { maxTokens }, text: `Max tokens: ${maxTokens}` };
  },
};
