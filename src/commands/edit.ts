import { cellNumber } from './cell-number.js';
import { type Command, toast } from './command.js';

export const editCommand: Command = {
  name: 'edit',
  args: '[n]',
  summary: "put cell n's prompt in the input; sending it forks at n (Esc cancels)",
  run({ session }, args) {
    const cell = cellNumber(session, args, 'edit');
    if ('kind' in cell) return cell;
    session.editCell(cell.id);
    return toast(
      `editing cell ${cell.id}'s prompt: Enter sends it as a fork, and the session is kept; Esc cancels`,
    );
  },
};
