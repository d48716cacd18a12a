import type { Command } from './command.js';

export const systemCommand: Command = {
  name: 'system',
  args: 'TEXT',
  summary: 'set the system prompt for the next turns (no TEXT clears it)',
  run({ session }, args) {
    const text = args.trim();
    session.setSettings({ system: text || undefined });
    session.toast(text ? `System prompt set (${text.length} chars)` : 'System prompt cleared');
  },
};
