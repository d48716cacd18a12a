import type { Command } from './command.js';

export const retryCommand: Command = {
  name: 'retry',
  summary: 'send the last prompt again',
  run({ session }) {
    // The session says itself why it could not (nothing yet, or a reply still streaming).
    session.retry();
    return { kind: 'none' };
  },
};
