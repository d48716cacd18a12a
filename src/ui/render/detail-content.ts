import type { WireEvent } from '../../engine/types.js';
import type { Cell } from '../../store/cell.js';
import type { TimelineDetail } from '../../store/session-state.js';
import { neutralize } from '../../terminal/neutralize.js';
import { formatBytes, formatOffset } from '../format.js';
import { httpDetail } from './http-detail.js';
import { jsonColored, prettyJson } from './pretty-json.js';
import { wrap } from './wrap.js';

/** What the detail view shows of one timeline row: a title, and a body to scroll. */
export interface DetailContent {
  title: string;
  /** The body as lines of the width, wrapped and safe for the terminal. */
  body(width: number): string[];
}

/** The content of the row a detail view has open; null when the cell has no such row. */
export function detailContent(cell: Cell, detail: TimelineDetail): DetailContent | null {
  if (typeof detail !== 'number') return httpDetail(cell.attempts, detail);
  const event = cell.events.find((e) => e.seq === detail);
  return event ? eventDetail(event) : null;
}

/** One wire event: its number, type, time and size, and its data pretty-printed. */
export function eventDetail(event: WireEvent): DetailContent {
  return {
    title: `event #${event.seq} · ${neutralize(event.event ?? '(unnamed)')} · ${formatOffset(event.t)} ms · ${formatBytes(event.bytes)}`,
    body: (width) => eventDetailBody(event, width),
  };
}

/** The body last laid out for an event: the view draws it every frame and on every scroll key. */
const bodies = new WeakMap<WireEvent, { width: number; colored: boolean; lines: string[] }>();

/** One wire event's data, pretty-printed and highlighted, wrapped to a width (once per width). */
export function eventDetailBody(event: WireEvent, width: number): string[] {
  const colored = jsonColored();
  const cached = bodies.get(event);
  if (cached && cached.width === width && cached.colored === colored) return cached.lines;
  const lines = wrap(prettyJson(event.json, event.data), width);
  bodies.set(event, { width, colored, lines });
  return lines;
}
