import type { Command } from './command.js';

export const retryCommand: Command = {
  name: 'retry',
  summary: 'send the last prompt again',
  run({ session }) {
    session.retry();
  },
};
