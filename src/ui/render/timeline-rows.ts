import type { HttpAttempt, WireEvent } from '../../engine/types.js';
import type { Cell } from '../../store/cell.js';
import type { TimelineView } from '../../store/session-state.js';
import { attemptRows, eventRow, foldPreview, shownName, type TimelineRow } from './timeline-row.js';

export type { TimelineRow } from './timeline-row.js';

/**
 * A cell's timeline: its HTTP rows, then its wire events' rows. A row is made when it is
 * first looked at, so a frame costs the rows it shows, not the events that came since the
 * last one: a 20k-delta burst made 20k rows (a JSON parse each) to show 40.
 */
export interface TimelineRows {
  readonly length: number;
  at(index: number): TimelineRow | undefined;
  /** Rows `start` to `end` (all of them by default), made now. */
  slice(start?: number, end?: number): TimelineRow[];
}

/** No cell, no rows. */
export const NO_ROWS: TimelineRows = { length: 0, at: () => undefined, slice: () => [] };

type Filter = Pick<TimelineView, 'hidePings' | 'foldDeltas'>;

interface Filtered {
  rows: TimelineRow[];
  processed: number;
}

/** Only the timelines looked at last keep their filtered rows; another is built again in one pass. */
const KEPT_TIMELINES = 3;

/** Each attempt list's rows: the list is replaced, never changed, when an attempt changes. */
const httpRows = new WeakMap<HttpAttempt[], TimelineRow[]>();

export class TimelineRowCache {
  readonly #filtered = new Map<object, Map<string, Filtered>>();
  readonly #shown = new ShownRows();

  rows(cell: Cell, view: Filter): TimelineRows {
    const http = rowsOfAttempts(cell.attempts);
    if (!view.hidePings && !view.foldDeltas)
      return new RowList(http, cell.eventCount, (i) => this.#shown.row(cell.events[i] as WireEvent));
    const filtered = this.#filteredRows(cell, view);
    return new RowList(http, filtered.length, (i) => filtered[i] as TimelineRow);
  }

  /**
   * With a filter, which rows there are depends on every event, so they are made as events
   * come, each event once: a cell of 100,000 events costs its new events per frame.
   */
  #filteredRows(cell: Cell, view: Filter): TimelineRow[] {
    const key = `${view.hidePings}:${view.foldDeltas}`;
    let byKey = this.#filtered.get(cell.events);
    if (byKey) {
      this.#filtered.delete(cell.events);
    } else {
      byKey = new Map();
      const oldest = this.#filtered.keys().next();
      if (this.#filtered.size >= KEPT_TIMELINES && !oldest.done) this.#filtered.delete(oldest.value);
    }
    this.#filtered.set(cell.events, byKey);
    let built = byKey.get(key);
    if (!built) {
      built = { rows: [], processed: 0 };
      byKey.set(key, built);
    }
    // Rows are added in place, not copied per frame: a view asks for them again each frame.
    for (let i = built.processed; i < cell.eventCount; i++)
      addEvent(built.rows, cell.events[i] as WireEvent, view);
    built.processed = cell.eventCount;
    return built.rows;
  }
}

/**
 * The HTTP rows, then `count` event rows, each got from `eventRow` when asked for: every event
 * made into a row on first look, or the rows a filtered view has made (as many as there were
 * when it was asked for).
 */
class RowList implements TimelineRows {
  readonly length: number;

  constructor(
    readonly http: readonly TimelineRow[],
    count: number,
    readonly eventRow: (index: number) => TimelineRow,
  ) {
    this.length = http.length + count;
  }

  at(index: number): TimelineRow | undefined {
    if (index < 0 || index >= this.length) return undefined;
    return index < this.http.length ? this.http[index] : this.eventRow(index - this.http.length);
  }

  slice(start = 0, end = this.length): TimelineRow[] {
    const rows: TimelineRow[] = [];
    for (let i = Math.max(0, start); i < Math.min(end, this.length); i++)
      rows.push(this.at(i) as TimelineRow);
    return rows;
  }
}

/**
 * The rows shown lately, by event: the same object each look while an event stays in view, so
 * its laid-out line is kept too. Bounded, not kept per event: at a model's pace every event
 * passes through the pane's tail, and a row kept for each (with its line) grew a session by
 * 430 bytes an event. Two generations: rows not looked at for a generation are let go.
 */
class ShownRows {
  #current = new Map<WireEvent, TimelineRow>();
  #previous = new Map<WireEvent, TimelineRow>();

  row(event: WireEvent): TimelineRow {
    let row = this.#current.get(event);
    if (row) return row;
    row = this.#previous.get(event) ?? eventRow(event, shownName(event));
    if (this.#current.size >= SHOWN_ROWS) {
      this.#previous = this.#current;
      this.#current = new Map();
    }
    this.#current.set(event, row);
    return row;
  }
}

/** A generation's rows: several screens of the tallest pane. */
const SHOWN_ROWS = 1024;

function rowsOfAttempts(attempts: HttpAttempt[]): TimelineRow[] {
  let rows = httpRows.get(attempts);
  if (!rows) {
    rows = attemptRows(attempts);
    httpRows.set(attempts, rows);
  }
  return rows;
}

/**
 * Where the cursor goes when a filter changes the rows (pings hidden, deltas folded): to the
 * row that holds the event it was on, or the nearest one above it when that event is hidden,
 * so the pane does not jump. Following the tail (null) goes on following it.
 */
export function sameRowCursor(
  before: TimelineRows,
  after: TimelineRows,
  cursor: number | null,
): number | null {
  if (cursor === null) return null;
  const row = before.at(Math.min(cursor, before.length - 1));
  // HTTP rows lead the timeline, the same in every filter.
  if (!row || row.seq === null) return Math.min(cursor, Math.max(0, after.length - 1));
  // Event rows follow the HTTP rows in the order of their seq: the last at or before the
  // cursor's is found by halving, so a lazily made timeline makes a few rows, not all of them.
  const seq = row.seq;
  const key = (i: number) => (after.at(i) as TimelineRow).seq ?? Number.NEGATIVE_INFINITY;
  let lo = 0;
  let hi = after.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(mid) <= seq) lo = mid + 1;
    else hi = mid;
  }
  const at = lo - 1;
  if (at >= 0 && after.at(at)?.seq !== null) return at;
  // None at or before it: the first event row, if there is one.
  return at + 1 < after.length ? at + 1 : Math.max(0, after.length - 1);
}

function addEvent(rows: TimelineRow[], event: WireEvent, view: Filter) {
  const name = shownName(event);
  if (view.hidePings && name === 'ping') return;
  const row = eventRow(event, name);
  const last = rows.at(-1);
  if (
    view.foldDeltas &&
    last &&
    row.name === 'content_block_delta' &&
    last.name === row.name &&
    last.index === row.index &&
    last.deltaType === row.deltaType
  ) {
    rows[rows.length - 1] = {
      ...last,
      count: last.count + 1,
      preview: foldPreview(last.preview, row.preview),
    };
    return;
  }
  rows.push(row);
}
