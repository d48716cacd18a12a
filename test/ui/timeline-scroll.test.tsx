import { render } from 'ink-testing-library';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TurnUpdate } from '../../src/engine/types.js';
import { applyUpdate, type Cell } from '../../src/store/cell.js';
import { TimelinePane } from '../../src/ui/components/TimelinePane.js';
import { formatOffset } from '../../src/ui/format.js';
import { timelineWindow } from '../../src/ui/render/timeline-lines.js';
import { TimelineRowCache } from '../../src/ui/render/timeline-rows.js';
import { TIMELINE_VIEW as VIEW } from '../support/panes.js';
import { cellFrom, loadRenderers, plain, tick, turnUpdates } from './harness.js';

describe('the timeline while events come', () => {
  let chatUpdates: TurnUpdate[];

  beforeAll(async () => {
    await loadRenderers();
    chatUpdates = await turnUpdates('chat');
  });

  it('keeps each row where it was drawn for half a pane of events, then fills the pane once the turn ends', async () => {
    const rows = new TimelineRowCache();
    const size = { width: 100, height: 12 };
    const body = size.height - 4;
    const shown = (c: Cell) => <TimelinePane cell={c} rows={rows} view={VIEW} size={size} focused={false} />;
    let cell = cellFrom([]);
    const { lastFrame, rerender, unmount } = render(shown(cell));
    try {
      let firstRow = '';
      let moves = 0;
      let frames = 0;
      for (const update of chatUpdates) {
        if (update.type === 'end') break;
        cell = applyUpdate(cell, update);
        if (update.type !== 'wire') continue;
        rerender(shown(cell));
        await tick(1);
        const lines = plain(lastFrame()).split('\n').slice(4);
        // The newest row is always in view, in the lower half once the pane is full.
        const newest = lines.findLastIndex((line) => line.trim() !== '');
        expect(lines[newest]?.trimStart().startsWith(formatOffset(update.event.t))).toBe(true);
        if (update.event.seq >= body) expect(newest).toBeGreaterThanOrEqual(body / 2);
        if (lines[0] !== firstRow && firstRow !== '') moves++;
        firstRow = lines[0] ?? '';
        frames++;
      }
      // Following the tail a row at a time moved every row at every event past the first pane.
      expect(frames).toBeGreaterThan(4 * body);
      expect(moves).toBeLessThanOrEqual(Math.ceil(frames / (body / 2)));
      cell = applyUpdate(cell, chatUpdates.at(-1) as TurnUpdate);
      rerender(shown(cell));
      await tick(1);
      const after = plain(lastFrame()).split('\n').slice(4);
      expect(after.filter((line) => line.trim() !== '')).toHaveLength(body);
    } finally {
      unmount();
    }
  });
});

describe('the rows of the timeline in view', () => {
  it('are the tail, jumping half a pane while live, and filling the pane once not', () => {
    expect(timelineWindow(0, 8, null, true)).toEqual({ start: 0, end: 0, cursor: null });
    expect(timelineWindow(8, 8, null, true)).toEqual({ start: 0, end: 8, cursor: null });
    expect(timelineWindow(9, 8, null, true)).toEqual({ start: 4, end: 9, cursor: null });
    expect(timelineWindow(12, 8, null, true)).toEqual({ start: 4, end: 12, cursor: null });
    expect(timelineWindow(13, 8, null, true)).toEqual({ start: 8, end: 13, cursor: null });
    expect(timelineWindow(13, 8, null, false)).toEqual({ start: 5, end: 13, cursor: null });
    // A pane of one row or none.
    expect(timelineWindow(13, 1, null, true)).toEqual({ start: 12, end: 13, cursor: null });
    expect(timelineWindow(13, 0, null, true).end - timelineWindow(13, 0, null, true).start).toBe(0);
  });

  it('stay put while a cursor moves among them, and follow it once it leaves them', () => {
    expect(timelineWindow(13, 8, 10, true)).toEqual({ start: 8, end: 13, cursor: 10 });
    expect(timelineWindow(13, 8, 8, true)).toEqual({ start: 8, end: 13, cursor: 8 });
    expect(timelineWindow(13, 8, 7, true)).toEqual({ start: 3, end: 11, cursor: 7 });
    expect(timelineWindow(13, 8, 10, false)).toEqual({ start: 5, end: 13, cursor: 10 });
  });
});
