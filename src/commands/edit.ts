import { quoted } from '../config/shown.js';
import { cellArgument } from './cell-argument.js';
import { type Command, error, toast } from './command.js';

export const editCommand: Command = {
  name: 'edit',
  args: '[n]',
  summary: "put cell n's prompt in the input; sending it forks at n (Esc cancels)",
  run({ session }, args) {
    const found = cellArgument(session, args);
    if ('kind' in found) return found;
    if (found.rest) return error(`/edit takes a cell number, got ${quoted(found.rest)}`);
    session.editCell(found.cell.id);
    return toast(
      `editing cell ${found.cell.id}'s prompt: Enter sends it as a fork, and the session is kept; Esc cancels`,
    );
  },
};
