import type { Command } from './command.js';

export const systemCommand: Command = {
  name: 'system',
  args: 'TEXT',
  summary: 'set the system prompt for the next turns (no TEXT clears it)',
  run(_context, args) {
    const text = args.trim();
    return {
      kind: 'settings',
      change: { system: text || undefined },
      text: text ? `System prompt set (${text.length} chars)` : 'System prompt cleared',
    };
  },
};
