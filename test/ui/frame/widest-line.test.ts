import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import inksWidestLine from 'widest-line';
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
