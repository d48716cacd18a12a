import { render } from 'ink-testing-library';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Cell } from '../../../src/store/cell.js';
import { CellLineCache, type CellLineOptions } from '../../../src/ui/render/cell-lines.js';
import { conversationWindow } from '../../../src/ui/render/conversation-window.js';
import { finishedTurns } from '../../support/finished-turns.js';
import { conversationPane } from '../../support/panes.js';
import { plain, tick } from '../harness.js';

describe('layout', () => {
  const turns = finishedTurns();

  /** CellLineCache that counts which cells it lays out. */
  class CountingCellLineCache extends CellLineCache {
    laidOut: number[] = [];
    constructor(readonly limit = Number.POSITIVE_INFINITY) {
      super();
    }
    override lines(cell: Cell, options: CellLineOptions): string[] {
      this.laidOut.push(cell.id);
      if (this.laidOut.length > this.limit) {
        throw new Error(
          `laid out ${this.laidOut.length} cells (ids ${this.laidOut.at(-1)}…${this.laidOut[0]}) for one window`,
        );
      }
      return super.lines(cell, options);
    }
  }

  /** 1,000 finished cells: the real cells of the turns above, again and again, each its own cell. */
  function thousandCells(): Cell[] {
    return Array.from({ length: 1000 }, (_, i) => {
      const copy = JSON.parse(JSON.stringify(turns.finished[i % turns.finished.length])) as Cell;
      return { ...copy, id: i + 1 };
    });
  }

  describe('windowing the conversation', () => {
    const options = { width: 60, rawText: false, thinkingHidden: false };
    let cells: Cell[];
    beforeAll(() => {
      cells = thousandCells();
    });

    it('lays out only the cells near the bottom of 1,000, and returns exactly the height', () => {
      const cellLines = new CountingCellLineCache();
      const window = conversationWindow({ cells, cellLines, options, height: 20, scroll: 0, selected: null });
      expect(window.lines).toHaveLength(20);
      expect(cellLines.laidOut.length).toBeLessThanOrEqual(3);
      expect(Math.min(...cellLines.laidOut)).toBeGreaterThan(995);
      const last = new CellLineCache().lines(cells[999] as Cell, { ...options, selected: false });
      expect(window.lines.slice(-last.length)).toEqual(last.slice(-20));
      expect(window.more).toBe(true);
    });

    it('scrolling up lays out only as far up as the window reaches', () => {
      const cellLines = new CountingCellLineCache();
      const window = conversationWindow({
        cells,
        cellLines,
        options,
        height: 20,
        scroll: 100,
        selected: null,
      });
      expect(window.lines).toHaveLength(20);
      expect(window.scroll).toBe(100);
      expect(cellLines.laidOut.length).toBeLessThan(30);
    });

    it('moves the window up to a selected earlier cell, showing its first line', () => {
      const cellLines = new CountingCellLineCache();
      const window = conversationWindow({ cells, cellLines, options, height: 20, scroll: 0, selected: 960 });
      expect(window.lines).toHaveLength(20);
      expect(plain(window.lines[0])).toBe(`In [960]: ${cells[959]?.prompt}`);
      const selected = new CellLineCache().lines(cells[959] as Cell, { ...options, selected: true });
      expect(window.lines.slice(0, selected.length)).toEqual(selected.slice(0, 20));
      expect(cellLines.laidOut).not.toContain(959);
    });

    it('selecting cell 3 of 1,000 lays out only the cells in view, and shows cell 3 at the top', () => {
      // Stops the layout once it has clearly gone past the cells in view (about 2 ms a cell).
      const cellLines = new CountingCellLineCache(50);
      const window = conversationWindow({ cells, cellLines, options, height: 20, scroll: 0, selected: 3 });
      expect(window.lines).toHaveLength(20);
      expect(plain(window.lines[0])).toBe(`In [3]: ${cells[2]?.prompt}`);
      expect(cellLines.laidOut.length).toBeLessThanOrEqual(5);
    });

    it('the ConversationPane with 1,000 cells shows the newest and, when focused, the selected one', async () => {
      const pane = (selected: number | null, focused: boolean) =>
        conversationPane({ cells, size: { width: 60, height: 20 }, selected, focused });
      const { lastFrame, rerender, unmount } = render(pane(null, false));
      try {
        await tick(15);
        expect(plain(lastFrame())).toContain('Out[1000]:');
        expect(plain(lastFrame())).not.toContain('[999]');
        rerender(pane(990, true));
        await tick(15);
        expect(plain(lastFrame()).split('\n')[0]).toBe(`In [990]: ${cells[989]?.prompt}`);
      } finally {
        unmount();
      }
    });
  });
});
