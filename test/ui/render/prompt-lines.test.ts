import { describe, expect, it } from 'vitest';
import { applyUpdate } from '../../../src/store/cell.js';
import { CellLineCache, type CellLineOptions } from '../../../src/ui/render/cell-lines.js';
import { cellFrom, textDelta, textStart } from '../../support/cells.js';
import { plain } from '../harness.js';

const OPTIONS: CellLineOptions = { width: 60, rawText: false, thinkingHidden: false, selected: false };

describe('prompt lines', () => {
  it('lays a prompt out once, not again for each delta of its reply', () => {
    const prompt = 'The quick brown fox jumps over the lazy dog.\n'.repeat(50);
    let cell = cellFrom([textStart()], prompt);
    const layout = new CellLineCache();
    const first = layout.promptLines(cell, OPTIONS);
    cell = applyUpdate(cell, textDelta('hello '));
    layout.lines(cell, OPTIONS);
    expect(layout.promptLines(cell, OPTIONS)).toBe(first);
    expect(layout.lines(cell, OPTIONS).slice(0, first.length)).toEqual(first);
    expect(plain(first[0] ?? '')).toBe('In [1]: The quick brown fox jumps over the lazy dog.');
  });

  it('lays it out again when the width or the selection changes', () => {
    const cell = cellFrom([], 'a prompt', 2);
    const layout = new CellLineCache();
    const first = layout.promptLines(cell, OPTIONS);
    expect(layout.promptLines(cell, { ...OPTIONS, width: 40 })).not.toBe(first);
    expect(layout.promptLines(cell, { ...OPTIONS, selected: true })).not.toBe(first);
  });
});
