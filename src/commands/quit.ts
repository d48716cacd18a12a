import type { Command } from './command.js';

export const quitCommand: Command = {
  name: 'quit',
  summary: 'leave streambook',
  run({ quit }) {
    quit();
  },
};
