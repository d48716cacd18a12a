import { quoted } from '../config/shown.js';
import type { Session } from '../session/session.js';
import type { Cell } from '../store/cell.js';
import { cellArgument } from './cell-argument.js';
import { type CommandResult, error } from './command.js';

/** "[n]" and nothing else (/rerun, /edit): cell n, or the selected or newest one. */
export function cellNumber(
  session: Session,
  args: string,
  name: string,
): Cell | Extract<CommandResult, { kind: 'error' }> {
  const found = cellArgument(session, args);
  if ('kind' in found) return found;
  if (found.rest) return error(`/${name} takes a cell number, got ${quoted(found.rest)}`);
  return found.cell;
}
