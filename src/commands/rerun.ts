import { quoted } from '../config/shown.js';
import { cellArgument } from './cell-argument.js';
import { type Command, error } from './command.js';

export const rerunCommand: Command = {
  name: 'rerun',
  args: '[n]',
  summary: 'send cell n again after the history before it, as a fork (the session is kept)',
  run({ session }, args) {
    const found = cellArgument(session, args);
    if ('kind' in found) return found;
    if (found.rest) return error(`/rerun takes a cell number, got ${quoted(found.rest)}`);
    // The session says itself why it could not (a reply still streaming).
    session.forkAt(found.cell.id, found.cell.prompt);
    return { kind: 'none' };
  },
};
