import chalk from 'chalk';
import type { WireEvent } from '../../engine/types.js';
import { keepOnlySgr } from '../../text/keep-sgr.js';
import { neutralize } from '../../text/neutralize.js';
import { formatBytes, formatOffset } from '../format.js';
import { jsonHighlighter } from '../layout/markdown-loader.js';
import type { PaneSize } from '../layout/screen-layout.js';
import { wrap } from '../layout/wrap.js';
import { Lines } from './Lines.js';

export interface EventDetailProps {
  event: WireEvent;
  size: PaneSize;
  scroll: number;
}

/** One wire event in full: its data pretty-printed and highlighted (Esc goes back). */
export function EventDetail({ event, size, scroll }: EventDetailProps) {
  const title = chalk.bold(
    `event #${event.seq} · ${neutralize(event.event ?? '(unnamed)')} · ${formatOffset(event.t)} ms · ${formatBytes(event.bytes)}`,
  );
  const json = event.json === undefined ? neutralize(event.data) : JSON.stringify(event.json, null, 2);
  const highlight = jsonHighlighter();
  const colored =
    chalk.level > 0 && highlight && event.json !== undefined ? highlight(json, { language: 'json' }) : json;
  const body = keepOnlySgr(colored, chalk.level > 0)
    .split('\n')
    .flatMap((line) => wrap(line, size.width));
  const height = Math.max(1, size.height - 2);
  const start = Math.max(0, Math.min(scroll, body.length - height));
  const lines = [title, chalk.dim('↑/↓ scroll · Esc back'), ...body.slice(start, start + height)];
  return <Lines lines={lines} width={size.width} height={size.height} />;
}
