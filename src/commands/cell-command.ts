import { quoted } from '../config/shown.js';
import type { Session } from '../session/session.js';
import type { Cell } from '../store/cell.js';
import { cellArgument } from './cell-argument.js';
import { type Command, type CommandResult, error } from './command.js';

/**
 * A command that takes "[n]" and nothing else (/rerun, /edit) and acts on cell n, or the
 * selected or newest one.
 */
export function cellCommand(
  name: string,
  summary: string,
  act: (session: Session, cell: Cell) => CommandResult,
): Command {
  return {
    name,
    args: '[n]',
    summary,
    run({ session }, args) {
      const found = cellArgument(session, args);
      if ('kind' in found) return found;
      if (found.rest) return error(`/${name} takes a cell number, got ${quoted(found.rest)}`);
      return act(session, found.cell);
    },
  };
}
