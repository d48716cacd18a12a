import { cellCommand } from './cell-command.js';
import { toast } from './command.js';

export const editCommand = cellCommand(
  'edit',
  "put cell n's prompt in the input; sending it forks at n (Esc cancels)",
  (session, cell) => {
    session.editCell(cell.id);
    return toast(
      `editing cell ${cell.id}'s prompt: Enter sends it as a fork, and the session is kept; Esc cancels`,
    );
  },
);
