import { parseMode } from '../config/config.js';
import { settingCommand } from './value-command.js';

export const modeCommand = settingCommand({
  name: 'mode',
  args: 'helper|raw',
  summary: 'stream with the SDK helper (messages.stream) or raw events (create stream: true)',
  key: 'mode',
  parse: (value) => parseMode(value || 'missing', '/mode'),
  said: (mode) => `Mode: ${mode}`,
});
