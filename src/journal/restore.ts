import { withPrompt } from '../engine/history.js';
import type { MessageParam, TurnOutcome, TurnUpdate } from '../engine/types.js';
import { newCell } from '../store/cell.js';
import { initialState, type SessionState } from '../store/session-state.js';
import { turnBroke, turnEnded, turnStarted, turnUpdated } from '../store/turn-updates.js';
import { cutOffOutcome } from './cut-off.js';
import type { ReadJournal } from './read-journal.js';
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
export function restoreSession({ header, records }: ReadJournal): RestoredSession {
  let state = initialState(header.settings, header.source, header.scenario ?? null);
  let before: MessageParam[] = [];
  const sent = new Map<number, MessageParam[]>();
  let skipped = 0;
  const update = (c: number, u: TurnUpdate) => {
    state = turnUpdated(state, c, u);
  };
  for (const record of records) {
    try {
      switch (record.r) {
        case 'turn': {
          const history = record.replaces === undefined ? state.history : before;
          before = history;
          sent.set(record.c, withPrompt(history, record.prompt));
          const cell = newCell(record.c, record.prompt, record.settings, record.scenario ?? null);
          state = turnStarted(state, cell, record.replaces ?? null);
          state = { ...state, settings: record.settings, scenario: record.scenario ?? state.scenario };
          break;
        }
        case 'e':
        case 'd': {
          const seq = state.cells.at(-1)?.events.length ?? 0;
          update(record.c, { type: 'wire', event: eventOf(record, seq) });
          break;
        }
        case 't':
          update(record.c, textUpdate(record));
          break;
        case 'u':
          state = applyRecorded(state, record.c, withBody(record, sent.get(record.c)), sent.get(record.c));
          break;
        case 'broke':
          state = turnBroke(state, record.c, record.m);
          break;
        default:
          break;
      }
    } catch {
      skipped++;
    }
  }
  const last = state.cells.at(-1);
  if (last?.status === 'streaming')
    state = turnEnded(state, last.id, sent.get(last.id) ?? [], cutOffOutcome(last));
  return { state: { ...state, view: { ...state.view, selected: null, scroll: 0 } }, before, skipped };
}

function applyRecorded(
  state: SessionState,
  c: number,
  update: TurnUpdate,
  messages: MessageParam[] | undefined,
): SessionState {
  if (update.type !== 'end') return turnUpdated(state, c, update);
  return turnEnded(state, c, messages ?? [], update.outcome as TurnOutcome);
}

/** The update with its request body made whole again. */
function withBody(
  record: Extract<JournalRecord, { r: 'u' }>,
  messages: MessageParam[] | undefined,
): TurnUpdate {
  const { u, b } = record;
  if (b === undefined || (u.type !== 'attempt' && u.type !== 'response') || !u.attempt.request) return u;
  if (!messages) throw new Error('a request body for a turn that never started');
  return {
    ...u,
    attempt: { ...u.attempt, request: { ...u.attempt.request, body: expandBody(b, messages) } },
  };
}
