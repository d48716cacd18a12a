import type { CommandContext } from '../../commands/command.js';
import { type Page, selectedCell } from '../../store/session-state.js';
import { DETAIL_HEADER_LINES, maxDetailScroll } from '../components/EventDetail.js';
import { maxPageScroll } from '../components/page-lines.js';
import { TIMELINE_HEADER_LINES } from '../components/TimelinePane.js';
import type { CellLineCache } from '../render/cell-lines.js';
import { conversationWindow } from '../render/conversation-window.js';
import { detailContent } from '../render/detail-content.js';
import { mainArea, type ScreenLayout } from '../render/screen-layout.js';
import type { TimelineRowCache } from '../render/timeline-rows.js';

/** What the panes' keys act on: the store, and the layout that bounds scrolling. */
export interface PaneKeys {
  commands: CommandContext;
  layout: ScreenLayout;
  /** The conversation's lines, to clamp scrolling to what there is. */
  cellLines: CellLineCache;
  timelineRows: TimelineRowCache;
}

/** How a movement key moves: by a line, by a wheel's notch, by a page, or to an end. */
export type Movement = 'up' | 'down' | 'wheel-up' | 'wheel-down' | 'page-up' | 'page-down' | 'top' | 'bottom';

/** Lines (or timeline rows) one notch of the wheel moves, as in most terminals and editors. */
export const WHEEL_LINES = 3;

/** How far a movement goes, for a page of `page` lines. */
function step(movement: Movement, page: number): number {
  const by = Math.max(1, page);
  const steps: Record<Movement, number> = {
    up: -1,
    down: 1,
    'wheel-up': -WHEEL_LINES,
    'wheel-down': WHEEL_LINES,
    'page-up': -by,
    'page-down': by,
    top: -Infinity,
    bottom: Infinity,
  };
  return steps[movement];
}

/** Paging through text keeps two lines of the last page in view, for context. */
function textPage(height: number): number {
  return height - 2;
}

function clamp(n: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, n));
}

/**
 * Moves the page (/help, /settings), the event JSON, the timeline's selection or the conversation: the pane the keys
 * go to, or `pane` (the one under the mouse's wheel).
 */
export function move(
  keys: PaneKeys,
  movement: Movement,
  pane = keys.commands.session.state.view.focus,
): void {
  const state = keys.commands.session.state;
  if (keys.layout.kind !== 'notebook') return;
  if (state.view.page) movePage(keys, state.view.page, movement);
  else if (pane === 'conversation') moveConversation(keys, movement);
  else if (pane === 'timeline') moveTimeline(keys, movement);
}

function movePage({ commands, layout }: PaneKeys, page: Page, movement: Movement): void {
  if (layout.kind !== 'notebook') return;
  const area = mainArea(layout);
  const by = step(movement, textPage(area.height));
  commands.session.view((view) => ({
    pageScroll: clamp(view.pageScroll + by, 0, maxPageScroll(page, area)),
  }));
}

function moveConversation({ commands, layout, cellLines }: PaneKeys, movement: Movement): void {
  const { session } = commands;
  const state = session.state;
  if (layout.kind !== 'notebook') return;
  if (movement === 'top') session.view(() => ({ selected: state.cells[0]?.id ?? null, scroll: 0 }));
  else if (movement === 'bottom') session.view(() => ({ selected: null, scroll: 0 }));
  else {
    // Paging scrolls lines from the bottom, as far as there are lines: no farther.
    const { width, height } = layout.conversation;
    const wanted = Math.max(0, state.view.scroll - step(movement, textPage(height)));
    const { scroll } = conversationWindow({
      cells: state.cells,
      cellLines,
      options: { width, rawText: state.view.rawText, thinkingHidden: state.view.thinkingHidden },
      height,
      scroll: wanted,
      selected: null,
    });
    session.view(() => ({ selected: null, scroll }));
  }
  session.timeline(() => ({ cursor: null, detail: null }));
}

/** ↑/↓ in the conversation: the cell above or below the selected one (none selected is the newest). */
export function selectCell({ commands }: PaneKeys, by: -1 | 1): void {
  const { session } = commands;
  const state = session.state;
  const ids = state.cells.map((c) => c.id);
  const current = state.view.selected ?? ids.at(-1);
  const at = current === undefined ? -1 : ids.indexOf(current);
  const next = ids[at + by];
  if (at < 0 || next === undefined) return;
  session.view(() => ({ selected: next, scroll: 0 }));
  session.timeline(() => ({ cursor: null, detail: null }));
}

function moveTimeline({ commands, layout, timelineRows }: PaneKeys, movement: Movement): void {
  const { session } = commands;
  const state = session.state;
  const cell = selectedCell(state);
  const pane = layout.kind === 'notebook' ? layout.timeline : null;
  if (!cell || !pane) return;
  if (state.timeline.detail !== null) {
    const content = detailContent(cell, state.timeline.detail);
    if (!content || movement === 'top' || movement === 'bottom') return;
    const by = step(movement, textPage(pane.height - DETAIL_HEADER_LINES));
    const max = maxDetailScroll(content, pane);
    session.timeline((t) => ({ detailScroll: clamp(t.detailScroll + by, 0, max) }));
    return;
  }
  if (movement === 'bottom') {
    session.timeline(() => ({ cursor: null }));
    return;
  }
  const last = timelineRows.rows(cell, state.timeline).length - 1;
  const cursor = state.timeline.cursor ?? last;
  const by = step(movement, pane.height - TIMELINE_HEADER_LINES);
  session.timeline(() => ({ cursor: clamp(cursor + by, 0, Math.max(0, last)) }));
}

/** Enter in the timeline: the selected row in full (an event's JSON, or an HTTP attempt). */
export function openEvent({ commands, timelineRows }: PaneKeys): void {
  const { session } = commands;
  const state = session.state;
  const cell = selectedCell(state);
  if (!cell) return;
  const rows = timelineRows.rows(cell, state.timeline);
  const detail = rows.at(Math.min(state.timeline.cursor ?? rows.length - 1, rows.length - 1))?.detail;
  if (detail !== undefined) session.timeline(() => ({ detail, detailScroll: 0 }));
}
