import { sessionCommand } from './command.js';

// The session says itself why it could not (nothing yet, or a reply still streaming).
export const retryCommand = sessionCommand('retry', 'send the last prompt again', (session) =>
  session.retry(),
);
