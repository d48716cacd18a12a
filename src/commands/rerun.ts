import { cellNumber } from './cell-number.js';
import type { Command } from './command.js';

export const rerunCommand: Command = {
  name: 'rerun',
  args: '[n]',
  summary: 'send cell n again after the history before it, as a fork (the session is kept)',
  run({ session }, args) {
    const cell = cellNumber(session, args, 'rerun');
    if ('kind' in cell) return cell;
    // The session says itself why it could not (a reply still streaming).
    session.forkAt(cell.id, cell.prompt);
    return { kind: 'none' };
  },
};
