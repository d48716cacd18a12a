import chalk from 'chalk';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TurnUpdate } from '../../../src/engine/types.js';
import { applyUpdate, type Cell } from '../../../src/store/cell.js';
import { neutralize } from '../../../src/terminal/neutralize.js';
import { CellLineCache } from '../../../src/ui/render/cell-lines.js';
import { body, OPTIONS, textOf } from '../../support/cell-body.js';
import { withColour } from '../../support/colour.js';
import { cellFrom, eventually, loadRenderers, notebook, plain, tick, turnUpdates } from '../harness.js';

describe('cell lines', () => {
  const INVERSE_SPACE = '\u001b[7m \u001b[27m';
  let chatUpdates: TurnUpdate[];
  let retryUpdates: TurnUpdate[];

  withColour();
  beforeAll(async () => {
    await loadRenderers();
    [chatUpdates, retryUpdates] = await Promise.all([turnUpdates('chat'), turnUpdates('overloaded-529')]);
  });

  describe('a streaming cell', () => {
    it('shows the text so far, ending in the inverse cursor, and no metrics yet', () => {
      const third = chatUpdates.filter((u) => u.type === 'text')[2];
      const upTo = chatUpdates.indexOf(third as TurnUpdate);
      const streaming = cellFrom(chatUpdates.slice(0, upTo + 1));
      expect(streaming.status).toBe('streaming');
      const lines = new CellLineCache().lines(streaming, OPTIONS);
      const text = textOf(streaming);
      expect(text.length).toBeGreaterThan(0);
      expect(plain(lines[1])).toBe(`Out[1]: ${text} `);
      expect(lines[1]?.endsWith(INVERSE_SPACE)).toBe(true);
      expect(lines.map(plain).join('\n')).not.toMatch(/TTFT|end_turn/);
    });

    it("says 'waiting…' with the cursor before the first block", () => {
      const first = chatUpdates.findIndex((u) => u.type === 'block_start');
      const waiting = cellFrom(chatUpdates.slice(0, first));
      const lines = new CellLineCache().lines(waiting, OPTIONS);
      expect(plain(lines[1])).toBe('Out[1]: waiting… ');
      expect(lines[1]?.endsWith(INVERSE_SPACE)).toBe(true);
    });

    it("says 'retrying (attempt 2)…' while the SDK retries a 529", () => {
      const retry = retryUpdates.findIndex((u) => u.type === 'attempt' && u.attempt.attempt === 1);
      expect(retry).toBeGreaterThan(0);
      const retrying = cellFrom(retryUpdates.slice(0, retry + 1));
      expect(plain(new CellLineCache().lines(retrying, OPTIONS)[1])).toBe('Out[1]: retrying (attempt 2)… ');
    });

    it('shows a visible cursor even without colour (NO_COLOR)', () => {
      const third = chatUpdates.filter((u) => u.type === 'text')[2];
      const streaming = cellFrom(chatUpdates.slice(0, chatUpdates.indexOf(third as TurnUpdate) + 1));
      const level = chalk.level;
      chalk.level = 0;
      try {
        const lines = new CellLineCache().lines(streaming, OPTIONS);
        // Without colour an inverse space is a plain space: the cursor has to be a visible glyph.
        expect(lines[1]?.trimEnd()).toMatch(/[▍█▌▎_]$/);
      } finally {
        chalk.level = level;
      }
    });

    it('laid out delta by delta, matches a fresh layout of the same cell at every step', () => {
      const layout = new CellLineCache();
      let current = cellFrom([]);
      for (const update of chatUpdates) {
        // The session's own path: one update at a time onto the previous version.
        current = applyUpdate(current, update);
        const narrow = { ...OPTIONS, width: 30 };
        expect(layout.lines(current, narrow)).toEqual(new CellLineCache().lines(current, narrow));
      }
      expect(current.status).toBe('complete');
    });
  });

  describe('an interrupted cell', () => {
    it("keeps the partial text and says '⏸ interrupted'", async () => {
      const nb = await notebook({ scenario: 'long:80', pace: { deltasPerSecond: 60 } });
      try {
        nb.session.submit('tell me a long story');
        await eventually(() => expect(textOf(nb.session.state.cells[0] as Cell).length).toBeGreaterThan(10));
        expect(nb.session.interrupt()).toBe(true);
        await nb.session.settled();
        await tick(20);
        const interrupted = nb.session.state.cells[0] as Cell;
        expect(interrupted.status).toBe('interrupted');
        const lines = body(interrupted, { width: 400 });
        const partial = neutralize(textOf(interrupted));
        expect(lines.join(' ')).toContain(partial.trim().split('\n')[0]);
        const mark = lines.indexOf('⏸ interrupted');
        expect(mark).toBeGreaterThan(0);
        expect(lines[mark + 1]).toMatch(/^interrupted · TTFT (\d+ ms|\d+\.\d\d s) · total/);
      } finally {
        await nb.close();
      }
    });
  });
});
