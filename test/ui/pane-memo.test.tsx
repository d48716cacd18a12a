import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/store/cell.js';
import type { TimelineView } from '../../src/store/session-state.js';
import { CellLineCache, type CellLineOptions } from '../../src/ui/render/cell-lines.js';
import { TimelineRowCache } from '../../src/ui/render/timeline-rows.js';
import { conversationPane, TIMELINE_VIEW, timelinePane } from '../support/panes.js';
import { runCell, tick } from './harness.js';

/** Caches that count how often a pane asks them: once per render of the pane. */
class CountedLines extends CellLineCache {
  asked = 0;
  override lines(cell: Cell, options: CellLineOptions): string[] {
    this.asked++;
    return super.lines(cell, options);
  }
}
class CountedRows extends TimelineRowCache {
  asked = 0;
  override rows(cell: Cell, view: Pick<TimelineView, 'hidePings' | 'foldDeltas'>) {
    this.asked++;
    return super.rows(cell, view);
  }
}

// The App makes the panes' sizes and the welcome lines anew on each render, as these do.
const size = () => ({ width: 60, height: 12 });

describe('the panes', () => {
  it('are drawn again when their props change, not when the App renders for the prompt', async () => {
    const [first, second] = [await runCell('chat'), await runCell('chat')] as [Cell, Cell];
    const cellLines = new CountedLines();
    const rows = new CountedRows();
    const panes = (cells: Cell[], view: TimelineView = TIMELINE_VIEW) => (
      <>
        {conversationPane({ cells, cellLines, size: size(), welcome: ['welcome'] })}
        {timelinePane({ cell: cells.at(-1), rows, view, size: size() })}
      </>
    );
    const { rerender, unmount } = render(panes([first]));
    await tick();
    const drawn = { lines: cellLines.asked, rows: rows.asked };
    expect(drawn.lines).toBeGreaterThan(0);
    expect(drawn.rows).toBeGreaterThan(0);

    rerender(panes([first]));
    await tick();
    expect({ lines: cellLines.asked, rows: rows.asked }).toEqual(drawn);

    rerender(panes([first, second]));
    await tick();
    expect(cellLines.asked).toBeGreaterThan(drawn.lines);
    expect(rows.asked).toBeGreaterThan(drawn.rows);

    const before = rows.asked;
    rerender(panes([first, second], { ...TIMELINE_VIEW, hidePings: !TIMELINE_VIEW.hidePings }));
    await tick();
    expect(rows.asked).toBeGreaterThan(before);
    unmount();
  });
});
