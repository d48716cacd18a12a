import { parseThinking } from '../config/config.js';
import { type Command, error, isError, parsed } from './command.js';

/** Max tokens that leave a thinking budget room for the answer too: twice the budget. */
export function maxTokensFor(budget: number): number {
  return budget * 2;
}

export const thinkingCommand: Command = {
  name: 'thinking',
  args: 'BUDGET|off',
  summary: 'extended thinking with a token budget (1024 or more, below max tokens), or off',
  run({ session }, args) {
    const value = args.trim() || 'missing';
    // Checked against max tokens here, not in the parser, so the message can name the fix.
    const thinkingBudget = parsed(() => parseThinking(value, Number.POSITIVE_INFINITY, '/thinking'));
    if (isError(thinkingBudget)) return thinkingBudget;
    const { maxTokens } = session.state.settings;
    if (thinkingBudget !== undefined && thinkingBudget >= maxTokens) {
      return error(
        `/thinking ${thinkingBudget} needs max tokens above it (now ${maxTokens}): /max-tokens ${maxTokensFor(thinkingBudget)} first`,
      );
    }
    const text = thinkingBudget === undefined ? 'Thinking: off' : `Thinking budget: ${thinkingBudget} tokens`;
    return { kind: 'settings', change: { thinkingBudget }, text };
  },
};
