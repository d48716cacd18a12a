import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClipboard } from '../../../src/clipboard/clipboard.js';
import type { Cell } from '../../../src/store/cell.js';
import { App } from '../../../src/ui/App.js';
import { CellLineCache, type CellLineOptions } from '../../../src/ui/render/cell-lines.js';
import { conversationWindow } from '../../../src/ui/render/conversation-window.js';
import { type ScreenLayout, screenLayout } from '../../../src/ui/render/screen-layout.js';
import { closeAfterEach } from '../../support/close-after-each.js';
import { conversationPane, paneLines, timelinePane } from '../../support/panes.js';
import {
  eventually,
  loadRenderers,
  type Notebook,
  notebook,
  plain,
  renderSized,
  runCells,
  tick,
} from '../harness.js';

const track = closeAfterEach();

describe('layout', () => {
  type Notebook_ = Extract<ScreenLayout, { kind: 'notebook' }>;

  function notebookLayout(input: Parameters<typeof screenLayout>[0]): Notebook_ {
    const layout = screenLayout(input);
    if (layout.kind !== 'notebook')
      throw new Error(`expected a notebook layout, got ${JSON.stringify(layout)}`);
    return layout;
  }

  const BASE = { timelineShown: true, promptLines: 1, toastLines: 0 };

  /** Rows the layout's parts take: panes, separators, the prompt, the toast, the status line. */
  function usedRows(layout: Notebook_): number {
    const panes = layout.stacked
      ? layout.conversation.height + 1 + (layout.timeline?.height ?? 0)
      : layout.conversation.height;
    return panes + 1 + layout.inputLines + layout.toastLines + 1;
  }

  describe('screenLayout', () => {
    it('puts the timeline beside the conversation at 100 columns and more', () => {
      for (const columns of [100, 120, 200]) {
        const layout = notebookLayout({ ...BASE, columns, rows: 30 });
        expect(layout.stacked).toBe(false);
        expect(layout.timeline).not.toBeNull();
        expect(layout.conversation.width + 1 + (layout.timeline?.width ?? 0)).toBe(columns);
        expect(layout.timeline?.height).toBe(layout.conversation.height);
        expect(layout.conversation.width).toBeGreaterThan(layout.timeline?.width ?? 0);
      }
    });

    it('stacks the timeline under the conversation below 100 columns', () => {
      for (const columns of [40, 80, 99]) {
        const layout = notebookLayout({ ...BASE, columns, rows: 30 });
        expect(layout.stacked).toBe(true);
        expect(layout.conversation.width).toBe(columns);
        expect(layout.timeline?.width).toBe(columns);
        expect(layout.conversation.height).toBeGreaterThan(layout.timeline?.height ?? 0);
      }
    });

    it('is too small below 40 columns or 12 rows', () => {
      expect(screenLayout({ ...BASE, columns: 39, rows: 30 })).toEqual({
        kind: 'too-small',
        columns: 39,
        rows: 30,
      });
      expect(screenLayout({ ...BASE, columns: 100, rows: 11 })).toEqual({
        kind: 'too-small',
        columns: 100,
        rows: 11,
      });
      expect(screenLayout({ ...BASE, columns: 40, rows: 12 }).kind).toBe('notebook');
    });

    it('gives the conversation the whole width when the timeline is hidden', () => {
      for (const columns of [40, 99, 100, 180]) {
        const layout = notebookLayout({ ...BASE, timelineShown: false, columns, rows: 30 });
        expect(layout.timeline).toBeNull();
        expect(layout.conversation.width).toBe(columns);
        expect(usedRows(layout)).toBe(29);
      }
    });

    it('grows the prompt up to six lines, taking rows from the panes', () => {
      const one = notebookLayout({ ...BASE, columns: 120, rows: 40 });
      const four = notebookLayout({ ...BASE, columns: 120, rows: 40, promptLines: 4 });
      const ten = notebookLayout({ ...BASE, columns: 120, rows: 40, promptLines: 10 });
      expect([one.inputLines, four.inputLines, ten.inputLines]).toEqual([1, 4, 6]);
      expect(one.conversation.height - four.conversation.height).toBe(3);
    });

    it('makes the frame exactly one row shorter than the terminal, at every size and state', () => {
      const wrong: string[] = [];
      for (const columns of [40, 60, 99, 100, 140]) {
        for (let rows = 12; rows <= 40; rows++) {
          for (const timeline of [true, false]) {
            for (const toastLines of [0, 1, 2]) {
              for (let promptLines = 1; promptLines <= 7; promptLines++) {
                const layout = notebookLayout({
                  columns,
                  rows,
                  timelineShown: timeline,
                  toastLines,
                  promptLines,
                });
                const used = usedRows(layout);
                if (layout.height !== rows - 1 || used !== rows - 1) {
                  wrong.push(
                    `${columns}x${rows} timeline=${timeline} toast=${toastLines} prompt=${promptLines}: frame ${layout.height}, parts ${used}`,
                  );
                }
              }
            }
          }
        }
      }
      expect(wrong).toEqual([]);
    });
  });

  let nb: Notebook;
  let finished: Cell[];

  beforeAll(async () => {
    await loadRenderers();
    nb = await notebook();
    for (const prompt of ['hello', 'describe a database schema', 'write some typescript code']) {
      nb.session.submit(prompt);
      await nb.session.settled();
    }
    nb.session.setScenario('tool-use');
    nb.session.submit('weather in Lima?');
    await nb.session.settled();
    finished = [...nb.session.state.cells];
    finished.push(...(await runCells('thinking', ['think about it'], { thinkingBudget: 1024 })));
  });

  afterAll(async () => {
    await nb.close();
  });

  function appOn(session = nb.session) {
    return (
      <App commands={{ session, clipboard: createClipboard(() => {}, null), cwd: '.', quit: () => {} }} />
    );
  }

  describe('the App at other sizes', () => {
    it("says 'terminal too small' in a short terminal, and becomes the notebook when resized", async () => {
      const screen = track(renderSized(appOn(), 100, 10));
      // Each resize is followed by a frame, which a loaded machine may be slow to paint.
      await eventually(() =>
        expect(screen.text()).toBe('terminal too small: 100x10, streambook needs 40x12'),
      );
      screen.resize(120, 30);
      await eventually(() => {
        expect(screen.text()).toContain('In [4]: weather in Lima?');
        expect(screen.text()).toContain('Timeline · cell 4');
      });
      screen.resize(100, 11);
      await eventually(() =>
        expect(screen.text()).toBe('terminal too small: 100x11, streambook needs 40x12'),
      );
    });

    it('says in full what it needs when the terminal is too narrow (30x10)', async () => {
      const screen = track(renderSized(appOn(), 30, 10));
      await tick(15);
      expect(screen.text()).toMatch(/^terminal too small/);
      expect(screen.text().replace(/\s+/g, ' ')).toContain('streambook needs 40x12');
      expect(
        screen
          .text()
          .split('\n')
          .every((line) => stringWidth(line) <= 30),
      ).toBe(true);
    });

    it('puts the timeline under the conversation in a narrow terminal', async () => {
      const screen = track(renderSized(appOn(), 80, 30));
      await tick(15);
      const lines = screen.text().split('\n');
      expect(lines).toHaveLength(29);
      const timeline = lines.findIndex((line) => line.startsWith('Timeline · cell 4'));
      const separators = lines.flatMap((line, i) => (/^─{80}$/.test(line) ? [i] : []));
      expect(separators).toHaveLength(2);
      expect(separators[0]).toBe(timeline - 1);
      expect(lines.slice(0, timeline - 1).join('\n')).toContain('⚙ tool_use get_weather');
      expect(lines.every((line) => stringWidth(line) <= 80)).toBe(true);
      expect(lines.some((line) => line.includes('│'))).toBe(false);
    });

    it.each([
      [100, 24],
      [140, 50],
      [80, 24],
      [40, 12],
    ])('fills %ix%i but for its last row, and no line is wider than the terminal', async (columns, rows) => {
      const screen = track(renderSized(appOn(), columns, rows));
      await tick(15);
      const lines = screen.text().split('\n');
      expect(lines).toHaveLength(rows - 1);
      expect(lines.filter((line) => stringWidth(line) > columns)).toEqual([]);
      expect(lines.at(-1)).toMatch(/^ claude-sonnet-4-6 · helper · offline/);
    });

    it('keeps the frame one row shorter than a 12-row terminal while a five-line prompt is typed', async () => {
      const screen = track(renderSized(appOn(), 80, 12));
      await tick(15);
      for (const key of ['a', '\n', 'b', '\n', 'c', '\n', 'd', '\n', 'e']) {
        screen.stdin.write(key);
        await tick(3);
      }
      await tick(15);
      const lines = screen.text().split('\n');
      expect(lines.slice(-6, -1).map((line) => line.trim())).toEqual(['› a', 'b', 'c', 'd', 'e']);
      expect(lines).toHaveLength(11);
    });
  });

  describe('panes at explicit sizes', () => {
    it.each([
      [40, 8],
      [55, 20],
      [99, 13],
    ])('ConversationPane fills %ix%i exactly, ending with the newest cell', async (width, height) => {
      const lines = await paneLines(conversationPane({ cells: finished, size: { width, height } }));
      expect(lines).toHaveLength(height);
      expect(lines.every((line) => stringWidth(line) <= width)).toBe(true);
      expect(lines.at(-2)?.trim()).toMatch(/^end_turn · TTFT|tok\/s$/);
    });

    it.each([
      [44, 10],
      [72, 30],
    ])('TimelinePane fills %ix%i exactly', async (width, height) => {
      const lines = await paneLines(timelinePane({ cell: finished[0], size: { width, height } }));
      expect(lines).toHaveLength(height);
      expect(lines.every((line) => stringWidth(line) <= width)).toBe(true);
      expect(lines.at(-1)).toMatch(/^\s+\+\d{1,3}(?: \d{3})* message_stop/);
    });
  });

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
      const copy = JSON.parse(JSON.stringify(finished[i % finished.length])) as Cell;
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
