import type { MouseReport } from '../../terminal/mouse.js';
import { move, type PaneKeys } from '../input/pane-keys.js';
import { paneAt } from '../render/pane-at.js';

/**
 * A mouse report: the wheel scrolls the pane under the pointer, whatever has focus (a page,
 * when open, covers both panes). The timeline's rows move its cursor, which shows only with focus,
 * so the wheel gives the timeline focus; the conversation scrolls without taking it.
 */
export function mouseWheel(keys: PaneKeys, report: MouseReport): void {
  if (report.kind !== 'wheel' || keys.layout.kind !== 'notebook') return;
  const pane = paneAt(keys.layout, report.x, report.y);
  if (pane === null) return;
  const { session } = keys.commands;
  if (pane === 'timeline' && session.state.view.page === null) session.view(() => ({ focus: 'timeline' }));
  move(keys, report.direction === 'up' ? 'wheel-up' : 'wheel-down', pane);
}
