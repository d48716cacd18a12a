import { settingCommand } from './value-command.js';

export const systemCommand = settingCommand({
  name: 'system',
  args: 'TEXT',
  summary: 'set the system prompt for the next turns (no TEXT clears it)',
  key: 'system',
  parse: (text) => text || undefined,
  said: (text) => (text ? `System prompt set (${text.length} chars)` : 'System prompt cleared'),
});
