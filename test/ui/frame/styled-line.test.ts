import {
  ansiCodesToString,
  diffAnsiCodes,
  styledCharsFromTokens,
  styledCharsToString,
  tokenize,
} from '@alcalzone/ansi-tokenize';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { forgetStyledLines, styledLine } from '../../../src/ui/frame/styled-line.js';

/** Ink's Output's own reading of a line, a styled character at a time. */
function inksWay(line: string) {
  const chars = styledCharsFromTokens(tokenize(line));
  const first = chars[0]?.styles ?? [];
  const last = chars.at(-1)?.styles ?? [];
  return {
    text: styledCharsToString(chars),
    width: chars.reduce((sum, char) => sum + Math.max(1, stringWidth(char.value)), 0),
    first,
    last,
    open: ansiCodesToString(first).length,
    close: ansiCodesToString(diffAnsiCodes(last, [])).length,
  };
}

// What our panes write (ASCII, the symbols of our labels and rules, SGR codes), and what
// must take Ink's way: graphemes of several characters, wide ones, links, stray escapes.
const OURS = ['a', 'Z', ' ', '  ', '{', '~', '·', '…', '▍', '⚙', '◆', '▸', '─', '→', 'é', '×', '\u00a0'];
const OTHERS = [
  'e\u0301',
  '中',
  '😀',
  '👍🏽',
  '🇯🇵',
  '❤️',
  '\u200b',
  '\u00ad',
  '\t',
  '\x1b',
  '\x1b[',
  '\x1b[1',
  '\x1b]8;;https://a.b\x07',
];
const CODES = [
  '\x1b[1m',
  '\x1b[2m',
  '\x1b[22m',
  '\x1b[7m',
  '\x1b[27m',
  '\x1b[31m',
  '\x1b[39m',
  '\x1b[0m',
  '\x1b[m',
  '\x1b[1;4;35m',
  '\x1b[38;5;208m',
  '\x1b[38;2;10;20;30m',
  '\x1b[48;5m',
];

const lineOf = (pieces: readonly string[]) =>
  fc
    .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...OURS) }, fc.constantFrom(...pieces)), {
      maxLength: 16,
    })
    .map((p) => p.join(''));

describe('styledLine', () => {
  it('reads a line of our own text run by run, as Ink reads it character by character', () => {
    fc.assert(
      fc.property(lineOf(CODES), (line) => {
        forgetStyledLines();
        expect(styledLine(line), JSON.stringify(line)).toEqual(inksWay(line));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads any other line as Ink does', () => {
    fc.assert(
      fc.property(lineOf([...CODES, ...OTHERS]), (line) => {
        forgetStyledLines();
        expect(styledLine(line), JSON.stringify(line)).toEqual(inksWay(line));
      }),
      { numRuns: 3000 },
    );
  });
});
