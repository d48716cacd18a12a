import chalk from 'chalk';
import type { WireEvent } from '../../engine/types.js';
import { keepOnlySgr } from '../../terminal/keep-sgr.js';
import { escapeControlsForJson, neutralize } from '../../terminal/neutralize.js';
import { formatBytes, formatOffset } from '../format.js';
import { clamp } from '../render/clamp.js';
import { jsonHighlighter } from '../render/markdown-loader.js';
import type { PaneSize } from '../render/screen-layout.js';
import { wrap } from '../render/wrap.js';
import { Lines } from './Lines.js';

export interface EventDetailProps {
  event: WireEvent;
  size: PaneSize;
  scroll: number;
}

/** Lines above the event's JSON: its title and the keys. */
export const DETAIL_HEADER_LINES = 2;

/** One wire event's data, pretty-printed and highlighted, wrapped to a width. */
export function eventDetailBody(event: WireEvent, width: number): string[] {
  // JSON.stringify leaves DEL, C1 and bidi controls raw: they are escaped as JSON reads them.
  const json =
    event.json === undefined
      ? neutralize(event.data)
      : escapeControlsForJson(JSON.stringify(event.json, null, 2));
  const highlight = jsonHighlighter();
  const colored =
    chalk.level > 0 && highlight && event.json !== undefined ? highlight(json, { language: 'json' }) : json;
  return wrap(keepOnlySgr(colored, chalk.level > 0), width);
}

/** How far the JSON can scroll in a pane of this size. */
export function maxDetailScroll(event: WireEvent, size: PaneSize): number {
  return Math.max(
    0,
    eventDetailBody(event, size.width).length - Math.max(1, size.height - DETAIL_HEADER_LINES),
  );
}

/** One wire event in full: its data pretty-printed and highlighted (Esc goes back). */
export function EventDetail({ event, size, scroll }: EventDetailProps) {
  const title = chalk.bold(
    `event #${event.seq} · ${neutralize(event.event ?? '(unnamed)')} · ${formatOffset(event.t)} ms · ${formatBytes(event.bytes)}`,
  );
  const body = eventDetailBody(event, size.width);
  const height = Math.max(1, size.height - DETAIL_HEADER_LINES);
  const start = clamp(scroll, 0, body.length - height);
  const lines = [title, chalk.dim('↑/↓ PgUp/PgDn scroll · Esc back'), ...body.slice(start, start + height)];
  return <Lines lines={lines} width={size.width} height={size.height} />;
}
