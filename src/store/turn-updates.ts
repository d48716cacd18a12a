import { afterTurn } from '../engine/history.js';
import type { MessageParam, TurnOutcome, TurnUpdate } from '../engine/types.js';
import { applyUpdates, type Cell } from './cell.js';
import { NO_TOKENS, type SessionState } from './session-state.js';

/**
 * A new turn's cell at the end. The cell it `replaces` (for /retry) stays on screen, marked;
 * the view follows the new cell.
 */
export function turnStarted(state: SessionState, cell: Cell, replaces: number | null): SessionState {
  const kept = (c: Cell): Cell =>
    c.id === replaces ? { ...c, replacedBy: cell.id, version: c.version + 1 } : c;
  const prompt = cell.prompt;
  return {
    ...state,
    cells: [...state.cells.map(kept), cell],
    promptHistory:
      state.promptHistory.at(-1) === prompt ? state.promptHistory : [...state.promptHistory, prompt],
    view: { ...state.view, selected: null, scroll: 0 },
    timeline: { ...state.timeline, cursor: null, detail: null },
    quitArmed: null,
  };
}

/**
 * Updates into the streaming cell, which is the last, so only it is looked at. A run of them
 * (one network read's) is one new state, not one per update.
 */
export function turnUpdated(state: SessionState, id: number, updates: readonly TurnUpdate[]): SessionState {
  const at = state.cells.length - 1;
  const cell = state.cells[at];
  if (cell?.id !== id || updates.length === 0) return state;
  const cells = state.cells.slice();
  cells[at] = applyUpdates(cell, updates);
  return { ...state, cells };
}

/**
 * The turn's end: its cell says how it ended, the history takes the turn after `request`,
 * and the token totals grow by its usage.
 */
export function turnEnded(
  state: SessionState,
  id: number,
  request: MessageParam[],
  outcome: TurnOutcome,
): SessionState {
  const usage = outcome.message?.usage;
  // Without the final usage only the input count (from message_start) is known; the
  // totals become a lower bound.
  const final = outcome.metrics.usageFinal;
  return {
    ...turnUpdated(state, id, [{ type: 'end', outcome }]),
    history: afterTurn(request, outcome),
    tokens: {
      input: state.tokens.input + (usage?.input_tokens ?? 0),
      output: state.tokens.output + (final ? (usage?.output_tokens ?? 0) : 0),
      exact: state.tokens.exact && (final || !usage),
    },
  };
}

/**
 * The turn failed inside streambook, not on the wire: its cell ends failed with what came so
 * far, and the history stays as it was before the turn, so the next prompt and /retry work.
 * Written without applyUpdate, which may be what failed.
 */
export function turnBroke(state: SessionState, id: number, message: string): SessionState {
  const cells = state.cells.map((cell) =>
    cell.id === id && cell.status === 'streaming'
      ? {
          ...cell,
          status: 'failed' as const,
          error: { kind: 'internal' as const, message },
          retryWait: undefined,
          version: cell.version + 1,
        }
      : cell,
  );
  return { ...state, cells };
}

/** A new conversation: the cells, the history and the token totals go; the settings stay. */
export function conversationCleared(state: SessionState): SessionState {
  return {
    ...state,
    cells: [],
    history: [],
    tokens: NO_TOKENS,
    view: { ...state.view, selected: null, scroll: 0 },
    timeline: { ...state.timeline, cursor: null, detail: null },
  };
}
