import type { ScreenLayout } from './screen-layout.js';

/** A pane on the screen, as the mouse finds it. */
export type Pane = 'conversation' | 'timeline';

/**
 * The pane at a cell of the screen (1-based, as mouse reports count), or null for the gutter,
 * the separators, the prompt and the status line. The panes start at the top-left corner:
 * side by side, the timeline is right of a one-column gutter; stacked, it is under a separator.
 */
export function paneAt(layout: ScreenLayout, x: number, y: number): Pane | null {
  if (layout.kind !== 'notebook') return null;
  const { conversation, timeline } = layout;
  if (x < 1 || y < 1 || x > layout.width) return null;
  if (y <= conversation.height && x <= conversation.width) return 'conversation';
  if (!timeline) return null;
  if (layout.stacked) {
    const top = conversation.height + 2;
    return y >= top && y < top + timeline.height ? 'timeline' : null;
  }
  return y <= timeline.height && x >= conversation.width + 2 ? 'timeline' : null;
}
