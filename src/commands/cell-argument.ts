import type { Session } from '../session/session.js';
import { type Cell, messageJson } from '../store/cell.js';
import { selectedCell } from '../store/session-state.js';
import { CommandError } from './command.js';

/** Splits "[n] [rest]" and finds cell n, or the selected cell, or the newest. */
export function cellArgument(session: Session, args: string): { cell: Cell; rest: string } {
  const [first = '', ...rest] = args.trim().split(/\s+/).filter(Boolean);
  const hasNumber = /^\d+$/.test(first);
  const state = session.state;
  const cell = hasNumber ? state.cells.find((c) => c.id === Number(first)) : selectedCell(state);
  if (!cell) throw new CommandError(hasNumber ? `there is no cell ${first}` : 'there is no cell yet');
  return { cell, rest: (hasNumber ? rest : [first, ...rest]).filter(Boolean).join(' ') };
}

/** As cellArgument, with the cell's final message JSON, which must exist. */
export function cellJson(session: Session, args: string): { cell: Cell; rest: string; json: string } {
  const { cell, rest } = cellArgument(session, args);
  const json = messageJson(cell);
  if (json === null) throw new CommandError(`cell ${cell.id} has no message yet`);
  return { cell, rest, json };
}
