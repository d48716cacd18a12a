import { parseMode } from '../config/config.js';
import type { Command } from './command.js';

export const modeCommand: Command = {
  name: 'mode',
  args: 'helper|raw',
  summary: 'stream with the SDK helper (messages.stream) or raw events (create stream: true)',
  run({ session }, args) {
    const mode = parseMode(args.trim() || 'missing', '/mode');
    session.setSettings({ mode });
    session.toast(`Mode: ${mode}`);
  },
};
