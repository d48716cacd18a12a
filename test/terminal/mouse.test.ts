import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// Ink's own parser, which splits the input before we see it; its package does not export it.
import { createInputParser } from '../../node_modules/ink/build/input-parser.js';
import { MouseDecoder, type MousePiece, type MouseReport, mouseReport } from '../../src/terminal/mouse.js';
import { InputDecoder, type TerminalInput } from '../../src/ui/input/decode.js';

const report = (button: number, x: number, y: number, final = 'M') => `\u001b[<${button};${x};${y}${final}`;

/** Feeds `chunks` through Ink's parser, as reads; `slow` marks reads after which the next one is late. */
function throughInk(
  chunks: readonly string[],
  slow: ReadonlySet<number>,
  decoder: InputDecoder,
): TerminalInput[] {
  const parser = createInputParser();
  const inputs: TerminalInput[] = [];
  chunks.forEach((chunk, i) => {
    for (const piece of parser.push(chunk)) inputs.push(...decoder.push(piece));
    // Ink hands over a sequence cut by a read once the event loop turns with no more input.
    const pending = slow.has(i) ? parser.flushPendingEscape() : undefined;
    if (pending) inputs.push(...decoder.push(pending));
  });
  return inputs;
}

function typed(inputs: readonly TerminalInput[]): string {
  return inputs.map((input) => (input.kind === 'key' ? input.input : '')).join('');
}

function wheels(inputs: readonly TerminalInput[]): MouseReport[] {
  return inputs.flatMap((input) => (input.kind === 'mouse' ? [input.report] : []));
}

describe('SGR mouse reports', () => {
  it('decodes the wheel, whatever modifiers are held, and other buttons as other', () => {
    expect(mouseReport(64, 10, 5)).toEqual({ kind: 'wheel', direction: 'up', x: 10, y: 5 });
    expect(mouseReport(65, 1, 2)).toEqual({ kind: 'wheel', direction: 'down', x: 1, y: 2 });
    // Ctrl (16) with the wheel down.
    expect(mouseReport(65 + 16, 1, 2)).toMatchObject({ kind: 'wheel', direction: 'down' });
    expect(mouseReport(0, 3, 4)).toEqual({ kind: 'other', button: 0, x: 3, y: 4 });
  });

  it('takes reports out of text, and holds one cut by a read until its rest comes', () => {
    const decoder = new MouseDecoder();
    expect(decoder.push(`a${report(64, 12, 3)}b`)).toEqual<MousePiece[]>([
      { kind: 'text', text: 'a' },
      { kind: 'mouse', report: { kind: 'wheel', direction: 'up', x: 12, y: 3 } },
      { kind: 'text', text: 'b' },
    ]);
    expect(decoder.push('\u001b[<65;1')).toEqual([]);
    expect(decoder.push('2;3Mhi')).toEqual<MousePiece[]>([
      { kind: 'mouse', report: { kind: 'wheel', direction: 'down', x: 12, y: 3 } },
      { kind: 'text', text: 'hi' },
    ]);
    // A start whose rest never comes is dropped, and what follows is text as usual.
    expect(decoder.push('\u001b[<65;1')).toEqual([]);
    expect(decoder.push('x')).toEqual([{ kind: 'text', text: 'x' }]);
  });

  it('a wheel report split by a slow read never reaches the prompt as text', () => {
    const decoder = new InputDecoder();
    const inputs = throughInk(['hi\u001b[<64;5', ';7Mthere'], new Set([0]), decoder);
    expect(typed(inputs)).toBe('hithere');
    expect(wheels(inputs)).toEqual([{ kind: 'wheel', direction: 'up', x: 5, y: 7 }]);
  });

  it('inside a bracketed paste a report is pasted text, as every byte of a paste is', () => {
    const inputs = new InputDecoder().push(`\u001b[200~${report(64, 1, 1)}\u001b[201~`);
    expect(inputs).toEqual([{ kind: 'paste', text: report(64, 1, 1) }]);
  });
});

// Text a person types between wheel turns, made of what reports are made of (but ESC).
const typedText = fc.string({ unit: fc.constantFrom(...'ab [<;09Mm~'), maxLength: 8 });
const wheelTurn = fc.record({
  direction: fc.constantFrom('up' as const, 'down' as const),
  x: fc.integer({ min: 1, max: 999 }),
  y: fc.integer({ min: 1, max: 999 }),
});
const stream = fc.array(fc.oneof(typedText, wheelTurn), { maxLength: 12 });

/** `text` cut into reads at the given places. */
function cut(text: string, places: readonly number[]): string[] {
  const points = [...new Set(places.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  return [0, ...points].map((from, i) => text.slice(from, points[i] ?? text.length));
}

describe('mouse decoding, for any input', () => {
  it('random bytes in random reads never throw', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 24 }), { maxLength: 8 }),
        fc.boolean(),
        (chunks, slow) => {
          const decoder = new InputDecoder();
          throughInk(chunks, new Set(slow ? chunks.keys() : []), decoder);
          const mouse = new MouseDecoder();
          for (const chunk of chunks) mouse.push(chunk);
        },
      ),
    );
  });

  it('typed text and wheel turns cut anywhere, read fast or slow: the text is typed and every turn is a wheel', () => {
    fc.assert(
      fc.property(
        stream,
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.array(fc.nat()),
        (items, places, slowAt) => {
          const text = items
            .map((item) =>
              typeof item === 'string' ? item : report(item.direction === 'up' ? 64 : 65, item.x, item.y),
            )
            .join('');
          const chunks = cut(text, places);
          const inputs = throughInk(
            chunks,
            new Set(slowAt.map((i) => i % Math.max(1, chunks.length))),
            new InputDecoder(),
          );
          expect(typed(inputs)).toBe(items.filter((item) => typeof item === 'string').join(''));
          expect(wheels(inputs)).toEqual(
            items.flatMap((item) => (typeof item === 'string' ? [] : [{ kind: 'wheel', ...item }])),
          );
        },
      ),
    );
  });
});
