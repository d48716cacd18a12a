import type {
  HttpAttempt,
  Message,
  RetryWait,
  TurnError,
  TurnMetrics,
  TurnSettings,
  TurnUpdate,
  WireEvent,
} from '../engine/types.js';
import { CellDraft } from './cell-draft.js';

export { textPieces } from './cell-draft.js';

export type CellStatus = 'streaming' | 'complete' | 'interrupted' | 'failed';

/** One content block as the reply shows it while it grows. */
export interface CellBlock {
  index: number;
  type: string;
  /** Text for text blocks, thinking for thinking blocks, the input JSON for tool blocks. */
  text: string;
  /** The block's name, for tool blocks. */
  name?: string;
  citations: unknown[];
  done: boolean;
}

/**
 * One notebook cell: a prompt and everything its turn produced. Plain serializable data, so
 * it can be saved and exported. `events` is append-only and shared between versions of the
 * cell (copying it per event would cost O(n²)); `eventCount` says how much of it a version
 * has seen.
 */
export interface Cell {
  id: number;
  prompt: string;
  settings: TurnSettings;
  /** The offline scenario that answered, when answers were simulated. */
  scenario: string | null;
  status: CellStatus;
  blocks: CellBlock[];
  events: WireEvent[];
  eventCount: number;
  attempts: HttpAttempt[];
  message: Message | null;
  metrics: TurnMetrics | null;
  error: TurnError | null;
  /** The id of the cell that /retry sent in this one's place; it left the history. */
  replacedBy: number | null;
  /** The wait before the next attempt, while the SDK sits it out (for the status line's countdown). */
  retryWait?: RetryWait | undefined;
  /** Bumped on every change, so views and caches can tell versions apart cheaply. */
  version: number;
}

export function newCell(id: number, prompt: string, settings: TurnSettings, scenario: string | null): Cell {
  return {
    id,
    prompt,
    settings,
    scenario,
    status: 'streaming',
    blocks: [],
    events: [],
    eventCount: 0,
    attempts: [],
    message: null,
    metrics: null,
    error: null,
    replacedBy: null,
    version: 0,
  };
}

/** The cell after one update of its turn. Pure but for the append-only event list. */
export function applyUpdate(cell: Cell, update: TurnUpdate): Cell {
  return applyUpdates(cell, [update]);
}

/**
 * The cell after a run of its turn's updates (one network read's, as the session hands them
 * over): one copy of the cell, of its block list and of each block it changes, however many
 * updates there are. One at a time, a delta copied the cell, its blocks and the block twice
 * (its event, then its text). Pure but for the append-only event list.
 */
export function applyUpdates(cell: Cell, updates: readonly TurnUpdate[]): Cell {
  const draft = new CellDraft(cell);
  for (const update of updates) draft.apply(update);
  return draft.done();
}
