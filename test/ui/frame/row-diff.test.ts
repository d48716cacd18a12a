import { describe, expect, it } from 'vitest';
import { RowCache, rowUpdate } from '../../../src/ui/frame/row-diff.js';

const ROWS = 40;

/** A screen of a reply streaming in: each frame adds a word, and the text scrolls up a row at a time. */
function frames(count: number): string[][] {
  const out: string[][] = [];
  const lines: string[] = [];
  for (let f = 0; f < count; f++) {
    if (f % 10 === 0) lines.push(`\x1b[2mline ${f}\x1b[22m`);
    lines[lines.length - 1] += ` w${f}`;
    out.push(lines.slice(-ROWS));
  }
  return out;
}

describe('RowCache', () => {
  it('holds the rows of the last two frames, however many lines have streamed past', () => {
    const rows = new RowCache();
    let previous: string[] = [];
    for (const frame of frames(3000)) {
      frame.forEach((line, i) => {
        if (line !== previous[i]) rowUpdate(rows, previous[i] ?? '', line);
      });
      rows.frameDone();
      previous = frame;
      expect(rows.size).toBeLessThanOrEqual(4 * ROWS);
    }
  });

  it('reads a row once while frames keep showing it', () => {
    const rows = new RowCache();
    const line = '\x1b[1mbold\x1b[22m text';
    const first = rows.row(line);
    rows.frameDone();
    expect(rows.row(line)).toBe(first);
    rows.frameDone();
    rows.frameDone();
    expect(rows.row(line)).not.toBe(first);
  });

  it('writes only the span that changed', () => {
    const update = rowUpdate(new RowCache(), 'abc def', 'abc dxf');
    expect(update.bytes).toContain('x');
    expect(update.bytes).not.toContain('abc');
  });
});
