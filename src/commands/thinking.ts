import { parseThinking } from '../config/config.js';
import type { Command } from './command.js';

export const thinkingCommand: Command = {
  name: 'thinking',
  args: 'BUDGET|off',
  summary: 'extended thinking with a token budget (1024 or more, below max tokens), or off',
  run({ session }, args) {
    const value = args.trim() || 'missing';
    const thinkingBudget = parseThinking(value, session.state.settings.maxTokens, '/thinking');
    session.setSettings({ thinkingBudget });
    session.toast(
      thinkingBudget === undefined ? 'Thinking: off' : `Thinking budget: ${thinkingBudget} tokens`,
    );
  },
};
