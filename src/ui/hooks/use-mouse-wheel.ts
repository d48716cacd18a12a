import { selectedCell } from '../../store/session-state.js';
import type { MouseReport } from '../../terminal/mouse.js';
import { maxDetailScroll } from '../components/EventDetail.js';
import { maxHelpScroll } from '../components/HelpView.js';
import { conversationWindow } from '../render/conversation-window.js';
import { paneAt } from '../render/pane-at.js';
import { mainArea } from '../render/screen-layout.js';
import type { NotebookKeys } from './use-notebook-keys.js';

/** Lines (or timeline rows) one notch of the wheel moves, as in most terminals and editors. */
export const WHEEL_LINES = 3;

/**
 * A mouse report: the wheel scrolls the pane under the pointer, whatever has focus (help, when
 * open, covers both panes). The timeline's rows move its cursor, which shows only with focus,
 * so the wheel gives the timeline focus; the conversation scrolls without taking it.
 */
export function mouseWheel(keys: NotebookKeys, report: MouseReport): void {
  if (report.kind !== 'wheel' || keys.layout.kind !== 'notebook') return;
  const { session } = keys.commands;
  const state = session.state;
  const step = report.direction === 'up' ? -WHEEL_LINES : WHEEL_LINES;
  const pane = paneAt(keys.layout, report.x, report.y);
  if (pane === null) return;
  if (state.view.help) {
    const max = maxHelpScroll(mainArea(keys.layout));
    session.view((view) => ({ helpScroll: Math.max(0, Math.min(max, view.helpScroll + step)) }));
  } else if (pane === 'conversation') {
    session.view(() => ({ selected: null, scroll: conversationScroll(keys, state.view.scroll - step) }));
  } else {
    wheelTimeline(keys, step);
  }
}

/** Lines up from the bottom, as far as there are lines to show: no farther. */
export function conversationScroll({ commands, layout, cellLines }: NotebookKeys, wanted: number): number {
  if (layout.kind !== 'notebook') return 0;
  const { view, cells } = commands.session.state;
  const { width, height } = layout.conversation;
  return conversationWindow({
    cells,
    layout: cellLines,
    options: { width, rawText: view.rawText, thinkingHidden: view.thinkingHidden },
    height,
    scroll: Math.max(0, wanted),
    selected: null,
  }).scroll;
}

function wheelTimeline({ commands, layout, timelineRows }: NotebookKeys, step: number): void {
  const { session } = commands;
  const state = session.state;
  const cell = selectedCell(state);
  if (!cell || layout.kind !== 'notebook' || !layout.timeline) return;
  const size = layout.timeline;
  const event =
    state.timeline.detail === null ? undefined : cell.events.find((e) => e.seq === state.timeline.detail);
  if (event) {
    const max = maxDetailScroll(event, size);
    session.timeline((t) => ({ detailScroll: Math.max(0, Math.min(max, t.detailScroll + step)) }));
    return;
  }
  const last = timelineRows.rows(cell, state.timeline).rows.length - 1;
  const cursor = Math.max(0, Math.min(last, (state.timeline.cursor ?? last) + step));
  session.view(() => ({ focus: 'timeline' }));
  session.timeline(() => ({ cursor }));
}
