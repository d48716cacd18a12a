import chalk from 'chalk';
import type { EventCounts } from '../../store/event-counts.js';
import type { TimelineView } from '../../store/session-state.js';
import { cutText, neutralize } from '../../terminal/neutralize.js';
import { oneLine } from '../../terminal/one-line.js';
import { formatCount, formatOffset } from '../format.js';
import { clamp } from './clamp.js';
import { clusters } from './graphemes.js';
import type { TimelineRow } from './timeline-rows.js';

const TIME = 8;
// content_block_delta, the longest name the protocol has, fits exactly.
const NAME = 19;
const INDEX = 3;
/** From this width the delta type is shown whole (`text_delta`); below, `text`. */
const WIDE_PANE = 70;

/** Rows a header leaves at least, where the pane is tall enough for them and the title. */
const MIN_BODY_ROWS = 3;

/**
 * The timeline pane's header: what it shows, the filters, the count per event type, and the
 * column names. In a short pane (a stacked timeline in a small terminal) it gives up lines,
 * the column names first and the title last, so that rows still show under it.
 */
export function timelineHeader(
  cellId: number | null,
  counts: EventCounts,
  view: TimelineView,
  options: { requests: number; height: number; width: number },
): string[] {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const title = chalk.bold(
    cellId === null ? 'Timeline' : `Timeline · cell ${cellId} · ${eventTotal(total, options.requests)}`,
  );
  const filters = chalk.dim(
    `p pings ${view.hidePings ? 'hidden' : 'shown'} · f fold ${view.foldDeltas ? 'on' : 'off'}`,
  );
  const countLine = Object.entries(shownCounts(counts))
    .map(([name, n]) => `${shortName(name)} ${formatCount(n)}`)
    .join(' · ');
  // One line, cut at the pane's edge: the header keeps a fixed height. Cut here, not by Ink,
  // whose cut (cli-truncate) took about a millisecond of every streaming frame.
  const counted = chalk.dim(fitted(countLine || 'no events yet', options.width));
  const lines = [title, filters, counted, timelineColumns()];
  const keep = Math.max(1, Math.min(lines.length, options.height - MIN_BODY_ROWS));
  const kept = new Set([0, 2, 1, 3].slice(0, keep));
  return lines.filter((_, i) => kept.has(i));
}

const ONE_COLUMN_EACH = /^[\u0020-\u007e\u00b7]*$/;

/** `text` as Ink shows a line too wide for `width`: cut to a column short of it, then "…". */
function fitted(text: string, width: number): string {
  // The usual line, ASCII names and the `·` between them, is a column a character: no segmenter.
  if (ONE_COLUMN_EACH.test(text))
    return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
  let columns = 0;
  for (const [, w] of clusters(text)) columns += w;
  if (columns <= width) return text;
  let cut = '';
  columns = 0;
  for (const [cluster, w] of clusters(text)) {
    if (columns + w > width - 1) break;
    cut += cluster;
    columns += w;
  }
  return `${cut}…`;
}

/** "85 events"; with none yet beside HTTP rows, what there is: "1 request, no events". */
function eventTotal(events: number, requests: number): string {
  if (events > 0 || requests === 0) return `${events} events`;
  return `${requests} ${requests === 1 ? 'request' : 'requests'}, no events`;
}

/**
 * One row as a line: +ms, the event type, the block index, then the delta type (as it came,
 * however long) and a preview of the payload. The delta type leads the preview rather than
 * taking a column of its own: a fixed column wide enough for every type would leave no room
 * for the payload in a pane beside the conversation.
 */
export function timelineLine(row: TimelineRow, width: number, selected: boolean): string {
  // Rows are made once and replaced, never changed, so a row's line is made once per look.
  const key = `${width}:${selected}:${chalk.level}`;
  const shown = shownRows.get(row);
  if (shown?.key === key) return shown.line;
  const line = layoutRow(row, width, selected);
  shownRows.set(row, { key, line });
  return line;
}

/** Each row's line as last shown: a streaming frame shows the same rows, one further down. */
const shownRows = new WeakMap<TimelineRow, { key: string; line: string }>();

function layoutRow(row: TimelineRow, width: number, selected: boolean): string {
  const cells = [formatOffset(row.t).padStart(TIME - 1), pad(row.name, NAME), pad(row.index, INDEX)].join(
    ' ',
  );
  const rest = Math.max(0, width - cells.length - 1);
  // A folded run says how many events it stands for ahead of its preview. In a pane beside
  // the conversation the common `_delta` suffix gives its room to the payload.
  const delta =
    width < WIDE_PANE && row.deltaType.endsWith('_delta')
      ? row.deltaType.slice(0, -'_delta'.length)
      : row.deltaType;
  const preview = [row.count > 1 ? `×${row.count}` : '', delta, row.preview].filter(Boolean).join(' ');
  const line = `${cells} ${cutText(preview, rest)}`;
  const styled =
    row.kind === 'http'
      ? chalk.cyan(line)
      : row.kind === 'error'
        ? chalk.red(line)
        : row.kind === 'unknown'
          ? chalk.blue(line)
          : row.name === 'ping'
            ? chalk.dim(line)
            : line;
  return selected ? chalk.inverse(line.padEnd(width)) : styled;
}

function timelineColumns(): string {
  return chalk.dim(
    ['ms'.padStart(TIME - 1), pad('event', NAME), pad('idx', INDEX), 'delta · preview'].join(' '),
  );
}

/**
 * Which rows are in view: a window around the cursor; else the tail. While events still come,
 * the tail jumps half a pane at a time when it reaches the pane's foot (Vim's 'scrolljump'),
 * and new rows fill the room below in between: a row stays where it was drawn, readable, for
 * half a pane's events, and a frame writes the one new row instead of moving every row up one
 * (bench terminal.bytes_per_char_delta, median 324 bytes a one-character delta before, 110 since;
 * the mean, jumps included, 132).
 * Once the stream is over, the tail fills the pane.
 */
export function timelineWindow(
  total: number,
  height: number,
  cursor: number | null,
  live = false,
): { start: number; end: number; cursor: number | null } {
  const tail = tailStart(total, height, live);
  if (cursor === null) return { start: tail, end: total, cursor: null };
  const clamped = clamp(cursor, 0, total - 1);
  // A cursor moved within the rows in view leaves them where they are.
  if (live && clamped >= tail) return { start: tail, end: total, cursor: clamped };
  const start = clamp(clamped - Math.floor(height / 2), 0, total - height);
  return { start, end: Math.min(total, start + height), cursor: clamped };
}

function tailStart(total: number, height: number, live: boolean): number {
  const past = total - height;
  if (past <= 0) return 0;
  if (!live) return past;
  const jump = Math.max(1, Math.ceil(height / 2));
  return Math.ceil(past / jump) * jump;
}

/** The counts under the names as shown: event names come from the network, so are made safe first. */
function shownCounts(counts: EventCounts): Record<string, number> {
  const shown: Record<string, number> = {};
  for (const [name, n] of Object.entries(counts)) {
    const safe = oneLine(neutralize(name));
    shown[safe] = (shown[safe] ?? 0) + n;
  }
  return shown;
}

function shortName(name: string): string {
  return name.replace('content_block_', 'block_');
}

function pad(text: string, width: number): string {
  return text.length > width ? `${cutText(text, width - 1)}…` : text.padEnd(width);
}
