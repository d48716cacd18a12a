import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { applyUpdate, type Cell, newCell } from '../../src/store/cell.js';
import { eventCounts } from '../../src/store/event-counts.js';
import { timelinePane } from '../support/panes.js';
import { SETTINGS } from '../support/turns.js';
import { plain, tick, turnUpdates } from '../ui/harness.js';

/** The wire events' types as the turn yielded them, counted here, apart from the store. */
function countedHere(cell: Cell, upTo = cell.eventCount): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const event of cell.events.slice(0, upTo)) {
    const name = event.event ?? '(unnamed)';
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

describe("a cell's event counts, kept once", () => {
  it('are what the timeline shows, and the turn metrics keep no count of their own', async () => {
    // Unknown event types too: the count is by the name each event came with.
    const updates = await turnUpdates('unknown-event');
    const cell = updates.reduce(applyUpdate, newCell(1, 'a prompt', SETTINGS, 'unknown-event'));
    expect(eventCounts(cell)).toEqual(countedHere(cell));
    expect(cell.metrics).not.toBeNull();
    expect(cell.metrics).not.toHaveProperty('eventCounts');

    const { lastFrame, unmount } = render(timelinePane({ cell, size: { width: 200, height: 60 } }));
    await tick(15);
    const lines = plain(lastFrame()).split('\n');
    unmount();
    const shown = Object.entries(eventCounts(cell))
      .map(([name, n]) => `${name.replace('content_block_', 'block_')} ${n}`)
      .join(' · ');
    expect(lines[2]?.trimEnd()).toBe(shown);
    expect(lines[0]).toContain(`${cell.eventCount} events`);
  });

  it('count on as events come, and an older version of the cell gets its own counts', async () => {
    const updates = await turnUpdates('chat');
    let cell = newCell(1, 'a prompt', SETTINGS, 'chat');
    const versions: Cell[] = [];
    for (const update of updates) {
      cell = applyUpdate(cell, update);
      if (update.type !== 'wire') continue;
      versions.push(cell);
      expect(eventCounts(cell)).toEqual(countedHere(cell));
    }
    const early = versions[2] as Cell;
    expect(eventCounts(early)).toEqual(countedHere(cell, 3));
    expect(eventCounts(cell)).toEqual(countedHere(cell));
  });
});
