import { cellCommand } from './cell-command.js';

export const rerunCommand = cellCommand(
  'rerun',
  'send cell n again after the history before it, as a fork (the session is kept)',
  (session, cell) => {
    // The session says itself why it could not (a reply still streaming).
    session.forkAt(cell.id, cell.prompt);
    return { kind: 'none' };
  },
);
