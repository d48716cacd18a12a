import { describe, expect, it } from 'vitest';
import { paneAt } from '../../src/ui/render/pane-at.js';
import { screenLayout } from '../../src/ui/render/screen-layout.js';

const layout = (columns: number, rows: number) =>
  screenLayout({ columns, rows, timelineShown: true, promptLines: 1, toastLines: 0 });

describe('the pane under the mouse', () => {
  it('side by side: the conversation left, the gutter nothing, the timeline right; prompt and status nothing', () => {
    const l = layout(120, 40);
    if (l.kind !== 'notebook' || !l.timeline) throw new Error('expected panes side by side');
    const gutter = l.conversation.width + 1;
    expect(paneAt(l, 1, 1)).toBe('conversation');
    expect(paneAt(l, gutter - 1, l.conversation.height)).toBe('conversation');
    expect(paneAt(l, gutter, 5)).toBeNull();
    expect(paneAt(l, gutter + 1, 5)).toBe('timeline');
    expect(paneAt(l, 120, l.timeline.height)).toBe('timeline');
    expect(paneAt(l, 5, l.conversation.height + 2)).toBeNull();
    expect(paneAt(l, 121, 1)).toBeNull();
  });

  it('stacked: the conversation above the separator, the timeline below it', () => {
    const l = layout(80, 24);
    if (l.kind !== 'notebook' || !l.timeline || !l.stacked) throw new Error('expected stacked panes');
    const separator = l.conversation.height + 1;
    expect(paneAt(l, 40, separator - 1)).toBe('conversation');
    expect(paneAt(l, 40, separator)).toBeNull();
    expect(paneAt(l, 40, separator + 1)).toBe('timeline');
    expect(paneAt(l, 40, separator + l.timeline.height)).toBe('timeline');
    expect(paneAt(l, 40, separator + l.timeline.height + 1)).toBeNull();
  });

  it('a terminal too small for the notebook has no panes', () => {
    expect(paneAt(layout(30, 10), 1, 1)).toBeNull();
  });
});
