import { positiveInt } from '../config/config.js';
import { type Command, CommandError } from './command.js';
import { maxTokensFor } from './thinking.js';

export const maxTokensCommand: Command = {
  name: 'max-tokens',
  args: 'N',
  summary: 'max output tokens for the next turns',
  run({ session }, args) {
    if (!args.trim())
      throw new CommandError(`/max-tokens needs a number (now: ${session.state.settings.maxTokens})`);
    const maxTokens = positiveInt('/max-tokens', args.trim(), 0);
    const budget = session.state.settings.thinkingBudget;
    if (budget !== undefined && budget >= maxTokens) {
      throw new CommandError(
        `/max-tokens must stay above the thinking budget (${budget}): /max-tokens ${maxTokensFor(budget)}, or /thinking off first`,
      );
    }
    session.setSettings({ maxTokens });
    session.toast(`Max tokens: ${maxTokens}`);
  },
};
