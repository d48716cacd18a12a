import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, test } from 'vitest';
import { neutralize } from '../../src/terminal/neutralize.js';
import { GrowingWrap, withoutPendingHalf, wrap } from '../../src/ui/render/wrap.js';

// Clusters a terminal draws at different widths, some several code units long: a letter with a
// combining accent, wide CJK and Hangul, an emoji ZWJ family, a flag, a keycap, an astral emoji.
const UNITS = [
  'a',
  'b',
  'Z',
  '7',
  '.',
  '-',
  'e\u0301',
  '中',
  '가',
  '👨‍👩‍👧',
  '🇫🇷',
  '#️⃣',
  '😀',
  ' ',
  ' ',
  '\n',
];
const unitsArb = fc.array(fc.constantFrom(...UNITS), { maxLength: 300 });
const widthArb = fc.integer({ min: 2, max: 40 });
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when the rows, spaces left out, are the text's non-space clusters, none cut in two. */
function rowsKeepClusters(units: string[], rows: string[]): boolean {
  const clusters = units.filter((unit) => unit !== ' ' && unit !== '\n');
  let next = 0;
  for (const row of rows) {
    let rest = row.replace(/ /g, '');
    while (rest.length > 0) {
      const cluster = clusters[next];
      if (cluster === undefined || !rest.startsWith(cluster)) return false;
      rest = rest.slice(cluster.length);
      next++;
    }
  }
  return next === clusters.length;
}

/** `text` cut at random code-unit offsets, which may fall inside a cluster or a surrogate pair. */
const chunkedArb = unitsArb.chain((units) => {
  const text = units.join('');
  return fc
    .uniqueArray(fc.integer({ min: 1, max: Math.max(1, text.length - 1) }), { maxLength: 30 })
    .map((cuts) => ({ text, cuts: [...cuts].sort((a, b) => a - b).filter((cut) => cut < text.length) }));
});

describe('wrap, for any text of mixed-width clusters', () => {
  test('every row fits the width, and no row holds a lone surrogate', () => {
    fc.assert(
      fc.property(unitsArb, widthArb, (units, width) => {
        for (const row of wrap(units.join(''), width)) {
          expect(stringWidth(row)).toBeLessThanOrEqual(width);
          expect(row).not.toMatch(LONE_SURROGATE);
        }
      }),
    );
  });

  test('the rows give the text back, less spaces, with no cluster split', () => {
    fc.assert(
      fc.property(unitsArb, widthArb, (units, width) => {
        expect(rowsKeepClusters(units, wrap(units.join(''), width))).toBe(true);
      }),
    );
  });

  test('lone surrogates and escapes in model text come out well formed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), widthArb, (text, width) => {
        for (const row of new GrowingWrap(width).lines(text)) {
          expect(row).not.toMatch(LONE_SURROGATE);
          expect(row).not.toContain('\u001b');
        }
      }),
    );
  });
});

describe('GrowingWrap', () => {
  test('fed in random chunks, it gives what wrapping each prefix at once gives', () => {
    // At once means as a finished block is shown: neutralized, less a pair's first half whose
    // second is still to come.
    fc.assert(
      fc.property(chunkedArb, widthArb, ({ text, cuts }, width) => {
        const growing = new GrowingWrap(width);
        for (const cut of [...cuts, text.length]) {
          const prefix = text.slice(0, cut);
          expect(growing.lines(prefix)).toEqual(wrap(neutralize(withoutPendingHalf(prefix)), width));
        }
      }),
    );
  });
});
