import fc from 'fast-check';
import inkWrapText from 'ink/build/wrap-text.js';
import { describe, expect, it } from 'vitest';
import wrapText from '../../../src/ui/frame/wrap-text.js';

/*
 * Our wrapText replaces Ink's (scripts/ink-output.mjs) and must give what Ink's gives, for
 * every text, width and wrap type. Ink's caches by text, width and type run together, so two
 * calls whose keys read alike collide; no text here ends in a digit, so none do.
 */

const PIECES = [
  'a',
  'word',
  'Z',
  ' ',
  '  ',
  '\n',
  '中',
  '文字',
  '😀',
  '👍🏽',
  '🇯🇵',
  'e\u0301',
  '\u200b',
  '\t',
  '-',
  'https://example.com/a/long/path',
  '\x1b[1m',
  '\x1b[22m',
  '\x1b[31m',
  '\x1b[39m',
  '\x1b[0m',
  '\x1b[38;5;208m',
  '\x1b[7m',
  '\x1b]8;;https://example.com\x07',
  '\x1b]8;;\x07',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((pieces) => pieces.join(''));
const WRAP_TYPES = ['wrap', 'truncate', 'truncate-end', 'truncate-middle', 'truncate-start', 'end', 'middle'];

describe('our wrapText', () => {
  it("wraps and truncates as Ink's does", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 30 }), fc.constantFrom(...WRAP_TYPES), (t, width, type) => {
        expect(wrapText(t, width, type), JSON.stringify({ t, width, type })).toBe(
          inkWrapText(t, width, type as never),
        );
      }),
      { numRuns: 3000 },
    );
  });
});
