import chalk from 'chalk';
import type { WireEvent } from '../../engine/types.js';
import { detailKeysHint } from '../input/key-hints.js';
import { type DetailContent, eventDetail } from '../render/detail-content.js';
import type { PaneSize } from '../render/screen-layout.js';
import { Lines } from './Lines.js';

export { eventDetailBody } from '../render/detail-content.js';

export interface DetailViewProps {
  content: DetailContent;
  size: PaneSize;
  scroll: number;
}

/** Lines above the body: its title and the keys. */
export const DETAIL_HEADER_LINES = 2;

/** How far the body can scroll in a pane of this size. */
export function maxDetailScroll(content: DetailContent, size: PaneSize): number {
  return Math.max(0, content.body(size.width).length - Math.max(1, size.height - DETAIL_HEADER_LINES));
}

/** One timeline row in full, an event or an HTTP row, its body scrolled (Esc goes back). */
export function DetailView({ content, size, scroll }: DetailViewProps) {
  const body = content.body(size.width);
  const height = Math.max(1, size.height - DETAIL_HEADER_LINES);
  const start = Math.max(0, Math.min(scroll, body.length - height));
  const lines = [
    chalk.bold(content.title),
    chalk.dim(detailKeysHint()),
    ...body.slice(start, start + height),
  ];
  return <Lines lines={lines} width={size.width} height={size.height} />;
}

/** One wire event in full: its data pretty-printed and highlighted. */
export function EventDetail({ event, size, scroll }: { event: WireEvent; size: PaneSize; scroll: number }) {
  return <DetailView content={eventDetail(event)} size={size} scroll={scroll} />;
}
