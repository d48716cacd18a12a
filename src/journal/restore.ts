import { withPrompt } from '../engine/history.js';
import type { MessageParam, TurnOutcome, TurnUpdate } from '../engine/types.js';
import { applyUpdate, type Cell, newCell } from '../store/cell.js';
import { initialState, type SessionState } from '../store/session-state.js';
import { turnBroke, turnEnded, turnStarted } from '../store/turn-updates.js';
import { cutOffOutcome } from './cut-off.js';
import type { JournalStream } from './read-journal.js';
import type { JournalRecord } from './records.js';
import { expandBody } from './request-body.js';
import { eventOf, textUpdate } from './wire-records.js';

export interface RestoredSession {
  /** The state as the session left it: cells, history, token totals, the last settings. */
  state: SessionState;
  /** The history the last turn was sent after, for /retry. */
  before: MessageParam[];
  /** Records that could not be applied (besides the lines that could not be read). */
  skipped: number;
}

/**
 * A session as it was, made by applying its records through the same pure updates the live
 * session used, so a resumed notebook equals the one that wrote the file. A turn the file
 * cuts off (a kill mid-stream) ends failed, with what it had.
 */
export function restoreSession({
  header,
  records,
}: Pick<JournalStream, 'header' | 'records'>): RestoredSession {
  let state = initialState(header.settings, header.source, header.scenario ?? null);
  let before: MessageParam[] = [];
  const sent = new Map<number, MessageParam[]>();
  let skipped = 0;
  // The last cell, while its turn's records are read: updated on its own and put back in the
  // state once, as turnUpdated would have (copying the cell list per event is O(cells) each).
  let open: Cell | null = null;
  const settle = () => {
    if (!open) return;
    const cells = state.cells.slice();
    cells[cells.length - 1] = open;
    state = { ...state, cells };
    open = null;
  };
  const update = (c: number, u: TurnUpdate) => {
    if (open?.id === c) open = applyUpdate(open, u);
  };
  for (const record of records) {
    try {
      switch (record.r) {
        case 'turn': {
          // A cell's number only grows; a turn that does not follow is from a damaged file.
          if (record.c <= (open?.id ?? state.cells.at(-1)?.id ?? 0)) throw new Error('turn out of order');
          settle();
          const history = record.replaces === undefined ? state.history : before;
          before = history;
          sent.set(record.c, withPrompt(history, record.prompt));
          const cell = newCell(record.c, record.prompt, record.settings, record.scenario ?? null);
          state = turnStarted(state, cell, record.replaces ?? null);
          state = { ...state, settings: record.settings, scenario: record.scenario ?? state.scenario };
          open = state.cells.at(-1) ?? null;
          break;
        }
        case 'e':
        case 'd': {
          const seq = open?.events.length ?? 0;
          update(record.c, { type: 'wire', event: eventOf(record, seq) });
          break;
        }
        case 't':
          update(record.c, textUpdate(record));
          break;
        case 'u': {
          const u = withBody(record, sent.get(record.c));
          if (u.type !== 'end') update(record.c, u);
          else {
            // Only the turn still open may end: a stray end would reset the history.
            if (open?.id !== record.c) throw new Error('the end of a turn that is not open');
            settle();
            state = turnEnded(state, record.c, sent.get(record.c) ?? [], u.outcome as TurnOutcome);
          }
          break;
        }
        case 'broke':
          if ((open ?? state.cells.at(-1))?.id !== record.c)
            throw new Error('a turn that is not the last broke');
          settle();
          state = turnBroke(state, record.c, record.m);
          break;
        default:
          break;
      }
    } catch {
      skipped++;
    }
  }
  settle();
  const last = state.cells.at(-1);
  try {
    if (last?.status === 'streaming')
      state = turnEnded(state, last.id, sent.get(last.id) ?? [], cutOffOutcome(last));
  } catch {
    // What the damaged turn made can't be read into a message: it stays as it is.
    skipped++;
  }
  return { state: { ...state, view: { ...state.view, selected: null, scroll: 0 } }, before, skipped };
}

/**
 * The update with its request body made whole again when it is read: a body holds the whole
 * history, and making every turn's at once costs the square of a long session's length.
 */
function withBody(
  record: Extract<JournalRecord, { r: 'u' }>,
  messages: MessageParam[] | undefined,
): TurnUpdate {
  const { u, b } = record;
  if (b === undefined || (u.type !== 'attempt' && u.type !== 'response') || !u.attempt.request) return u;
  if (!messages) throw new Error('a request body for a turn that never started');
  const request = { ...u.attempt.request };
  let body: string | undefined;
  // Enumerable, so JSON of the request (an export, /save) holds the body as if it were a field.
  Object.defineProperty(request, 'body', {
    enumerable: true,
    get: () => {
      body ??= expandBody(b, messages);
      return body;
    },
  });
  return { ...u, attempt: { ...u.attempt, request } };
}
