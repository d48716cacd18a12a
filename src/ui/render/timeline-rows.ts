import { type HttpAttempt, KNOWN_EVENT_TYPES, type WireEvent } from '../../engine/types.js';
import type { Cell } from '../../store/cell.js';
import { UNNAMED_EVENT } from '../../store/event-counts.js';
import type { TimelineDetail, TimelineView } from '../../store/session-state.js';
import { cutText, neutralize } from '../../terminal/neutralize.js';
import { oneLine } from '../../terminal/one-line.js';
import { shownJson } from './shown-json.js';

export interface TimelineRow {
  /** The wire event's seq; null for HTTP rows. */
  seq: number | null;
  /** What Enter opens: the event, or the HTTP attempt's request or response. */
  detail: TimelineDetail;
  t: number;
  kind: 'http' | 'event' | 'error' | 'unknown';
  name: string;
  index: string;
  deltaType: string;
  preview: string;
  /** How many wire events the row stands for (more than 1 when deltas are folded). */
  count: number;
}

const PREVIEW_CHARS = 80;

interface Built {
  rows: TimelineRow[];
  processed: number;
}

/**
 * The timeline of a cell as rows, built incrementally: events are append-only, so each call
 * handles only the events since the last one. A cell of 100,000 events costs its new
 * events per frame, not its whole history.
 */
const KEPT_TIMELINES = 3;

export class TimelineRowCache {
  // Only the timelines looked at last are kept: a row per event adds up over a long session,
  // and an older cell's rows are rebuilt in one pass if it is selected again.
  readonly #built = new Map<object, Map<string, Built>>();

  rows(cell: Cell, view: Pick<TimelineView, 'hidePings' | 'foldDeltas'>): TimelineRow[] {
    const key = `${view.hidePings}:${view.foldDeltas}`;
    let byKey = this.#built.get(cell.events);
    if (byKey) {
      this.#built.delete(cell.events);
    } else {
      byKey = new Map();
      const oldest = this.#built.keys().next();
      if (this.#built.size >= KEPT_TIMELINES && !oldest.done) this.#built.delete(oldest.value);
    }
    this.#built.set(cell.events, byKey);
    let built = byKey.get(key);
    if (!built) {
      built = { rows: [], processed: 0 };
      byKey.set(key, built);
    }
    // Rows are added in place: every caller gets a copy (below), so none sees them change, and
    // a 20k-event burst is not a copy of all its rows per frame.
    for (let i = built.processed; i < cell.eventCount; i++)
      addEvent(built.rows, cell.events[i] as WireEvent, view);
    built.processed = cell.eventCount;
    return [...attemptRows(cell.attempts), ...built.rows];
  }
}

/**
 * Where the cursor goes when a filter changes the rows (pings hidden, deltas folded): to the
 * row that holds the event it was on, or the nearest one above it when that event is hidden,
 * so the pane does not jump. Following the tail (null) goes on following it.
 */
export function sameRowCursor(
  before: readonly TimelineRow[],
  after: readonly TimelineRow[],
  cursor: number | null,
): number | null {
  if (cursor === null) return null;
  const row = before[Math.min(cursor, before.length - 1)];
  // HTTP rows lead the timeline, the same in every filter.
  if (!row || row.seq === null) return Math.min(cursor, Math.max(0, after.length - 1));
  const seq = row.seq;
  let at = after.findIndex((r) => r.seq !== null);
  for (let i = at + 1; i < after.length && (after[i]?.seq ?? Number.POSITIVE_INFINITY) <= seq; i++) at = i;
  return at === -1 ? Math.max(0, after.length - 1) : at;
}

function addEvent(
  rows: TimelineRow[],
  event: WireEvent,
  view: Pick<TimelineView, 'hidePings' | 'foldDeltas'>,
) {
  // Event names come from the network: shown, so made safe for the terminal.
  const name = neutralize(event.event ?? UNNAMED_EVENT);
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

function eventRow(event: WireEvent, name: string): TimelineRow {
  // `json` and `malformed` each parse the data when read: read once, and `malformed` only
  // where there is no JSON (a burst's 20k deltas were parsed three times each).
  const json = event.json;
  const malformed = json === undefined && event.malformed === true;
  const data = (json ?? {}) as Record<string, unknown>;
  const delta = data.delta as Record<string, unknown> | undefined;
  const kind = name === 'error' || malformed ? 'error' : KNOWN_EVENT_TYPES.has(name) ? 'event' : 'unknown';
  return {
    seq: event.seq,
    detail: event.seq,
    t: event.t,
    kind,
    name,
    index: typeof data.index === 'number' ? String(data.index) : '',
    deltaType:
      name === 'content_block_delta' && typeof delta?.type === 'string' ? neutralize(delta.type) : '',
    preview: malformed ? `malformed: ${clip(event.data)}` : preview(name, data),
    count: 1,
  };
}

function preview(name: string, data: Record<string, unknown>): string {
  switch (name) {
    case 'message_start': {
      const message = data.message as
        | { id?: string; model?: string; usage?: { input_tokens?: number } }
        | undefined;
      return clip(`${message?.id ?? ''} ${message?.model ?? ''} in=${message?.usage?.input_tokens ?? '?'}`);
    }
    case 'content_block_start': {
      const block = data.content_block as { type?: string; name?: string } | undefined;
      return clip(`${block?.type ?? '?'}${block?.name ? ` ${block.name}` : ''}`);
    }
    case 'content_block_delta': {
      const delta = (data.delta ?? {}) as Record<string, unknown>;
      const text =
        delta.text ?? delta.thinking ?? delta.partial_json ?? delta.signature ?? delta.citation ?? delta;
      return clip(shownJson(text));
    }
    case 'message_delta': {
      const delta = data.delta as { stop_reason?: string } | undefined;
      const usage = data.usage as { output_tokens?: number } | undefined;
      return clip(`${delta?.stop_reason ?? ''} out=${usage?.output_tokens ?? '?'}`);
    }
    case 'error': {
      const error = data.error as { type?: string; message?: string } | undefined;
      return clip(`${error?.type ?? ''}: ${error?.message ?? ''}`);
    }
    case 'content_block_stop':
    case 'message_stop':
    case 'ping':
      return '';
    default:
      return clip(shownJson(data));
  }
}

function attemptRows(attempts: HttpAttempt[]): TimelineRow[] {
  return attempts.flatMap((a) => {
    const base = { seq: null, kind: 'http' as const, index: '', deltaType: '', count: 1 };
    const sent: TimelineRow = {
      ...base,
      detail: { attempt: a.attempt, part: 'request' },
      t: a.sentAt,
      name: a.attempt === 0 ? 'request' : 'retry',
      preview: `POST /v1/messages${a.attempt ? ` (attempt ${a.attempt + 1})` : ''}`,
    };
    if (a.respondedAt === undefined && !a.failure) return [sent];
    const details = [
      a.status !== undefined ? `HTTP ${a.status}` : `failed: ${a.failure ?? ''}`,
      a.requestId,
      a.retryAfterMs !== undefined ? `retry-after ${Math.round(a.retryAfterMs)} ms` : undefined,
    ].filter(Boolean);
    const failed = a.failure !== undefined || (a.status ?? 0) >= 400;
    return [
      sent,
      {
        ...base,
        kind: failed ? ('error' as const) : base.kind,
        detail: { attempt: a.attempt, part: 'response' as const },
        t: a.respondedAt ?? a.sentAt,
        name: 'response',
        // The request id and the failure come from the network.
        preview: clip(details.join(' · ')),
      },
    ];
  });
}

function foldPreview(kept: string, added: string): string {
  if (kept.length >= PREVIEW_CHARS) return kept;
  const join =
    kept.endsWith('"') && added.startsWith('"')
      ? `${kept.slice(0, -1)}${added.slice(1)}`
      : `${kept} ${added}`;
  return clip(join);
}

function clip(text: string): string {
  // A row is one line: an error message's line break must not start another.
  const safe = oneLine(neutralize(text));
  return safe.length > PREVIEW_CHARS ? `${cutText(safe, PREVIEW_CHARS - 1)}…` : safe;
}
