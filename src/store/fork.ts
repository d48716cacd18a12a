import { afterTurn, withPrompt } from '../engine/history.js';
import type { MessageParam } from '../engine/types.js';
import type { Cell } from './cell.js';
import { NO_TOKENS, type SessionState, type TokenTotals } from './session-state.js';

/**
 * The session as it stood before cell `n` was sent: the cells before it, and the history and
 * token totals they made, folded as the live session made them. A cell /retry replaced left
 * the history, and a cell that broke inside streambook never entered it.
 */
export function stateBefore(state: SessionState, n: number): SessionState {
  const cells = state.cells.filter((cell) => cell.id < n);
  let history: MessageParam[] = [];
  let tokens: TokenTotals = NO_TOKENS;
  for (const cell of cells) {
    if (cell.replacedBy !== null || cell.status === 'streaming' || cell.error?.kind === 'internal') continue;
    history = afterTurn(withPrompt(history, cell.prompt), { status: cell.status, message: cell.message });
    tokens = withUsage(tokens, cell);
  }
  return {
    ...state,
    cells,
    history,
    tokens,
    view: { ...state.view, selected: null, scroll: 0 },
    timeline: { ...state.timeline, cursor: null, detail: null },
  };
}

function withUsage(tokens: TokenTotals, cell: Cell): TokenTotals {
  const usage = cell.message?.usage;
  const final = cell.metrics?.usageFinal ?? false;
  return {
    input: tokens.input + (usage?.input_tokens ?? 0),
    output: tokens.output + (final ? (usage?.output_tokens ?? 0) : 0),
    exact: tokens.exact && (final || !usage),
  };
}
