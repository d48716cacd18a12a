import fc from 'fast-check';
import inksMeasureText from 'ink/build/measure-text.js';
import { describe, expect, it } from 'vitest';
import inksWidestLine from 'widest-line';
import measureText from '../../../src/ui/frame/measure-text.js';
import widestLine from '../../../src/ui/frame/widest-line.js';

const PIECES = [
  'a',
  ' ',
  '\n',
  '·',
  '─',
  '中',
  '😀',
  '👍🏽',
  'e\u0301',
  '\u200b',
  '\x1b[1m',
  '\x1b[22m',
  '\x1b[38;5;208m',
];

describe('widestLine', () => {
  it('gives the widths widest-line gives, asked once or again', () => {
    const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(widestLine(t)).toBe(inksWidestLine(t));
        expect(widestLine(t)).toBe(inksWidestLine(t));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('measureText', () => {
  it("gives the sizes Ink's measure-text gives, with no cache of whole texts", () => {
    const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(measureText(t)).toEqual(inksMeasureText(t));
      }),
      { numRuns: 2000 },
    );
  });
});
