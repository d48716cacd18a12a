import chalk from 'chalk';
import { memo } from 'react';
import type { Cell } from '../../store/cell.js';
import { eventCounts } from '../../store/event-counts.js';
import type { TimelineView } from '../../store/session-state.js';
import { detailContent } from '../render/detail-content.js';
import type { PaneSize } from '../render/screen-layout.js';
import { timelineHeader, timelineLine, timelineWindow } from '../render/timeline-lines.js';
import { NO_ROWS, type TimelineRowCache } from '../render/timeline-rows.js';
import { DetailView } from './EventDetail.js';
import { Lines } from './Lines.js';
import { sameProps } from './same-props.js';

export interface TimelinePaneProps {
  cell: Cell | undefined;
  rows: TimelineRowCache;
  view: TimelineView;
  size: PaneSize;
  focused: boolean;
}

/** Ahead of the timeline's title while it has focus: seen without colour (NO_COLOR), unlike inverse. */
export const FOCUS_MARK = '▸ ';

/** Lines above the timeline's rows: its title, filters, counts and column names. */
export const TIMELINE_HEADER_LINES = 4;

/**
 * The HTTP attempts and wire events of one cell, as they came, windowed to the pane; Enter opens
 * one in full. Drawn again only when its props change (a keypress in the prompt leaves it be).
 */
export const TimelinePane = memo(function TimelinePane({
  cell,
  rows,
  view,
  size,
  focused,
}: TimelinePaneProps) {
  if (cell && view.detail !== null) {
    const content = detailContent(cell, view.detail);
    if (content) return <DetailView content={content} size={size} scroll={view.detailScroll} />;
  }
  const built = cell ? rows.rows(cell, view) : NO_ROWS;
  const [title = '', ...rest] = timelineHeader(cell?.id ?? null, cell ? eventCounts(cell) : {}, view, {
    requests: cell?.attempts.length ?? 0,
    height: size.height,
    width: size.width,
  });
  // The focused pane's title stands out: the keys go here. The mark shows it without colour too.
  const header = [focused ? chalk.inverse.cyan(`${FOCUS_MARK}${title}`) : title, ...rest];
  const bodyHeight = Math.max(0, size.height - header.length);
  const live = cell?.status === 'streaming';
  const window = timelineWindow(built.length, bodyHeight, focused ? view.cursor : null, live);
  const body = built
    .slice(window.start, window.end)
    .map((row, i) => timelineLine(row, size.width, focused && window.cursor === window.start + i));
  return <Lines lines={[...header, ...body].slice(0, size.height)} width={size.width} height={size.height} />;
}, sameProps);
