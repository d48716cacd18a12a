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

  it('steps over unchanged cells between two changes on one row', () => {
    // A reply's open line shares its row with the timeline's counts: both change in a frame.
    const gap = ' '.repeat(60);
    const update = rowUpdate(
      new RowCache(),
      `abc${gap}\x1b[2mdelta 62\x1b[22m`,
      `abcd${gap.slice(1)}\x1b[2mdelta 63\x1b[22m`,
    );
    expect(update.bytes).toContain('d');
    expect(update.bytes).toContain('3');
    expect(update.bytes).not.toContain(gap.slice(0, 10));
    expect(update.bytes).not.toContain('delta');
    expect(update.column).toBe(3 + 60 + 'delta 63'.length);
  });

  it('writes a short run of unchanged cells rather than a cursor move', () => {
    const update = rowUpdate(new RowCache(), 'a---b', 'x---y');
    expect(update.bytes).toContain('x---y');
  });
});
