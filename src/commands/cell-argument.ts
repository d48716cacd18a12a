import { messageJson } from '../export/cell-json.js';
import type { Session } from '../session/session.js';
import type { Cell } from '../store/cell.js';
import { selectedCell } from '../store/session-state.js';
import { type CommandResult, error } from './command.js';

type Failed = Extract<CommandResult, { kind: 'error' }>;

/** Splits "[n] [rest]" and finds cell n, or the selected cell, or the newest. */
export function cellArgument(session: Session, args: string): { cell: Cell; rest: string } | Failed {
  const [first = '', ...rest] = args.trim().split(/\s+/).filter(Boolean);
  const hasNumber = /^\d+$/.test(first);
  const state = session.state;
  const cell = hasNumber ? state.cells.find((c) => c.id === Number(first)) : selectedCell(state);
  if (!cell) return error(hasNumber ? `there is no cell ${first}` : 'there is no cell yet');
  return { cell, rest: (hasNumber ? rest : [first, ...rest]).filter(Boolean).join(' ') };
}

/** The lookup /copy and /save share: as cellArgument, with the cell's final message JSON, which must exist. */
export function cellJson(
  session: Session,
  args: string,
): { cell: Cell; rest: string; json: string } | Failed {
  const found = cellArgument(session, args);
  if ('kind' in found) return found;
  const json = messageJson(found.cell);
  if (json === null) return error(`cell ${found.cell.id} has no message yet`);
  return { ...found, json };
}
