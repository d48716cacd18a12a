import { parseMode } from '../config/config.js';
import { type Command, isError, parsed } from './command.js';

export const modeCommand: Command = {
  name: 'mode',
  args: 'helper|raw',
  summary: 'stream with the SDK helper (messages.stream) or raw events (create stream: true)',
  run(_context, args) {
    const mode = parsed(() => parseMode(args.trim() || 'missing', '/mode'));
    if (isError(mode)) return mode;
    return { kind: 'settings', change: { mode }, text: `Mode: ${mode}` };
  },
};
