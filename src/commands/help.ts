import type { Command } from './command.js';

export const helpCommand: Command = {
  name: 'help',
  summary: 'show keys and commands (Esc closes)',
  run() {
    return { kind: 'show', view: 'help' };
  },
};
