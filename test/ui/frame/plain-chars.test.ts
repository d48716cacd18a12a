import { styledCharsFromTokens, tokenize } from '@alcalzone/ansi-tokenize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainChars } from '../../../src/ui/frame/plain-chars.js';

/*
 * The one-pass reading of plain lines is an optimisation of ansi-tokenize's: wherever it
 * answers, its characters must be the ones ansi-tokenize finds (so no frame's bytes can change).
 */

const PLAIN_RANGES: Array<[number, number]> = [
  [0x20, 0x7e],
  [0xa0, 0x2ff],
  [0x2010, 0x2027],
  [0x2030, 0x205e],
  [0x2190, 0x22ff],
  [0x2500, 0x25fc],
];
const ALL_PLAIN = PLAIN_RANGES.flatMap(([from, to]) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i)),
).join('');

const same = (line: string) => {
  const fast = plainChars(line);
  if (fast !== undefined) expect(fast).toEqual(styledCharsFromTokens(tokenize(line)));
};

// Pieces near the edges: characters just outside the plain ranges, marks, joiners, selectors,
// jamo, controls, wide and emoji characters, and escapes whole, compound, empty and broken.
const PIECES = [
  'a',
  ' ',
  'Z',
  '·',
  '│',
  '─',
  '…',
  '›',
  '\u00ad',
  '\u02ff',
  '\u0300',
  '\u0301',
  '\u1100',
  '\u1161',
  '\u200d',
  '\u2028',
  '\u205f',
  '\u20d0',
  '\u2300',
  '\u2600',
  '\u25fd',
  '\ufe0f',
  '\u0600',
  '\x7f',
  '\x9b',
  '\r',
  '\t',
  '中',
  '😀',
  '🇫',
  '\x1b',
  '\x1b[',
  '\x1b[1m',
  '\x1b[22m',
  '\x1b[2m',
  '\x1b[31m',
  '\x1b[39m',
  '\x1b[1;31m',
  '\x1b[38;5;208m',
  '\x1b[38;2;1;2;3m',
  '\x1b[0m',
  '\x1b[m',
  '\x1b[7m',
  '\x1b[27m',
  '\x1b[3x',
  '\x1b]8;;https://example.com\x07',
  '\x1b]8;;\x07',
  'm',
  ';',
  '[',
];

describe('plain lines', () => {
  it('reads every plain character as ansi-tokenize does, each a cell of its own', () => {
    expect(plainChars(ALL_PLAIN)).toHaveLength(ALL_PLAIN.length);
    same(ALL_PLAIN);
    same([...ALL_PLAIN].reverse().join(''));
  });

  it('gives the cells ansi-tokenize gives, or leaves the row to it', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => same(pieces.join(''))),
      { numRuns: 3000 },
    );
  });

  it('reads styled frame rows itself', () => {
    const line =
      '\x1b[36m\x1b[1mIn [1]:\x1b[22m\x1b[39m bench 1   \x1b[2m│\x1b[22m\x1b[1mTimeline · cell 1\x1b[22m';
    expect(
      plainChars(line)
        ?.map((char) => char.value)
        .join(''),
    ).toBe('In [1]: bench 1   │Timeline · cell 1');
    same(line);
  });

  it('leaves links, marks and wide characters to ansi-tokenize', () => {
    for (const line of ['\x1b]8;;https://example.com\x07a\x1b]8;;\x07', 'e\u0301', '中文', 'a😀']) {
      expect(plainChars(line)).toBeUndefined();
    }
  });
});
