import fc from 'fast-check';
import InkOutput from 'ink/build/output.js';
import { describe, expect, it } from 'vitest';
import Output from '../../../src/ui/frame/output.js';

/*
 * Equality is the contract: our Output must print every frame byte for byte as Ink's does.
 * Random frames of styled text (wide characters, emoji, combining marks, links, unbalanced
 * styles), with overlaps, clips, transformers and positions off the grid.
 */

const CHARS = [
  'a',
  'b',
  'Z',
  ' ',
  '  ',
  '中',
  '文',
  '😀',
  '👍🏽',
  '🇯🇵',
  '❤️',
  'é',
  'e\u0301',
  '\u200b',
  '\t',
  '·',
];
const CODES = [
  '\x1b[1m',
  '\x1b[2m',
  '\x1b[22m',
  '\x1b[3m',
  '\x1b[23m',
  '\x1b[4m',
  '\x1b[31m',
  '\x1b[32m',
  '\x1b[39m',
  '\x1b[44m',
  '\x1b[49m',
  '\x1b[0m',
  '\x1b[1;4;35m',
  '\x1b[38;5;208m',
  '\x1b[38;2;10;20;30m',
  '\x1b[7m',
  '\x1b[27m',
  '\x1b]8;;https://example.com\x07',
  '\x1b]8;;\x07',
];
const piece = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...CHARS) }, fc.constantFrom(...CODES));
const line = fc.array(piece, { maxLength: 14 }).map((pieces) => pieces.join(''));
const text = fc.array(line, { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n'));

type Transformer = (line: string, index: number) => string;
const TRANSFORMERS: Record<string, Transformer> = {
  red: (l) => `\x1b[31m${l}\x1b[39m`,
  bold: (l) => `\x1b[1m${l}\x1b[22m`,
  numbered: (l, i) => `${i}${l}`,
  upper: (l) => l.toUpperCase(),
};

const coordinate = (max: number) => fc.oneof({ weight: 8, arbitrary: fc.nat(max) }, fc.constantFrom(-1, 1.5));
const bound = (max: number) => fc.option(fc.integer({ min: -2, max: max + 2 }), { nil: undefined });

function operation(width: number, height: number) {
  return fc.oneof(
    {
      weight: 8,
      arbitrary: fc.record({
        type: fc.constant('write' as const),
        x: coordinate(width + 3),
        y: coordinate(height + 1),
        text,
        transformers: fc.subarray(Object.keys(TRANSFORMERS)),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('clip' as const),
        clip: fc.record({ x1: bound(width), x2: bound(width), y1: bound(height), y2: bound(height) }),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ type: 'unclip' as const }) },
  );
}

const frame = fc
  .record({
    width: fc.integer({ min: 0, max: 30 }),
    height: fc.integer({ min: 0, max: 8 }),
    clips: fc.boolean(),
  })
  .chain(({ width, height, clips }) =>
    fc.record({
      width: fc.constant(width),
      height: fc.constant(height),
      operations: fc.array(
        clips ? operation(width, height) : operation(width, height).filter((o) => o.type === 'write'),
        { maxLength: 12 },
      ),
    }),
  );

type Frame = typeof frame extends fc.Arbitrary<infer F> ? F : never;

function print(OutputClass: typeof Output | typeof InkOutput, f: Frame): string {
  const output = new OutputClass({ width: f.width, height: f.height });
  for (const op of f.operations) {
    if (op.type === 'write') {
      output.write(op.x, op.y, op.text, {
        transformers: op.transformers.map((name) => TRANSFORMERS[name] as Transformer),
      });
    } else if (op.type === 'clip') output.clip(op.clip);
    else output.unclip();
  }
  return JSON.stringify(output.get());
}

describe('our Output', () => {
  it('prints every random frame byte for byte as Ink 6.8 does', () => {
    fc.assert(
      fc.property(frame, (f) => {
        expect(print(Output, f), `frame: ${JSON.stringify(f)}`).toBe(print(InkOutput, f));
      }),
      { numRuns: 4000 },
    );
    // 4000 frames take 13-20 s on two shared cores.
  }, 120_000);

  it('prints frames of side-by-side styled segments, the joins its fast path must get right', () => {
    const segment = fc.record({ gap: fc.nat(2), text: line });
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), fc.integer({ min: 1, max: 40 }), (segments, width) => {
        let x = 0;
        const f: Frame = { width, height: 1, operations: [] };
        for (const { gap, text } of segments) {
          x += gap;
          f.operations.push({ type: 'write', x, y: 0, text, transformers: [] });
          // Code points, not columns: some segments touch, some overlap, some leave a gap.
          x += [...text].length;
        }
        expect(print(Output, f), `frame: ${JSON.stringify(f)}`).toBe(print(InkOutput, f));
      }),
      { numRuns: 2000 },
    );
  });
});
