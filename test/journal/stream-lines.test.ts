import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TurnUpdate } from '../../src/engine/types.js';
import { recordedEvent } from '../../src/engine/wire-tap.js';
import { deltaLine, textLine } from '../../src/journal/stream-lines.js';
import { eventRecord, textRecord } from '../../src/journal/wire-records.js';

const KINDS = [
  ['text_delta', 'text'],
  ['thinking_delta', 'thinking'],
  ['input_json_delta', 'partial_json'],
] as const;

/** Text as a hostile server may send it: escapes, controls, lone surrogates, quotes, emoji. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({
    unit: fc.constantFrom('a', '"', '\\', '\n', '\u0000', '\u001b', '\ud800', '\udc00', '😀', 'é', '/'),
  }),
  fc.string(),
);

const bytesOf = (name: string, data: string) => Buffer.byteLength(name) + 8 + Buffer.byteLength(data) + 8;

describe('stream lines', () => {
  it('are the lines JSON.stringify writes of the same records, or null', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KINDS),
        fc.constantFrom(...KINDS),
        hostileText,
        fc.oneof(fc.nat(20), fc.constant(-1), fc.constant(1e9)),
        fc.oneof(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.constant(Number.NaN)),
        fc.record({
          attempt: fc.nat(1),
          name: fc.constantFrom('content_block_delta', 'delta', null),
          extraBytes: fc.nat(1),
          mangle: fc.nat(4),
        }),
        fc.nat(99),
        (kind, fieldOf, text, index, t, odd, c) => {
          const whole = `{"type":"content_block_delta","index":${index},"delta":{"type":"${kind[0]}","${fieldOf[1]}":${JSON.stringify(text)}}}`;
          // Now and then cut short or grown at the end, as a hostile server's data may be.
          const data = odd.mangle === 0 ? whole : odd.mangle < 4 ? whole.slice(0, -odd.mangle) : `${whole}}`;
          const name = odd.name ?? null;
          const bytes = bytesOf(name ?? '', data) + odd.extraBytes;
          const event = recordedEvent(0, odd.attempt, t, bytes, name, data);
          const line = deltaLine(c, event);
          if (line !== null) expect(line).toBe(JSON.stringify(eventRecord(c, event)));
        },
      ),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(
        fc.constantFrom('text', 'thinking', 'input_json'),
        hostileText,
        fc.nat(20),
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        (type, text, index, t) => {
          const update = (
            type === 'input_json' ? { type, index, partialJson: text, t } : { type, index, text, t }
          ) as Extract<TurnUpdate, { type: 'text' }>;
          const line = textLine(3, update);
          if (line !== null) expect(line).toBe(JSON.stringify(textRecord(3, update)));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('are taken for the usual delta and its text, and not for one off the usual shape', () => {
    const data = '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi there"}}';
    const event = recordedEvent(
      4,
      0,
      12.3456,
      bytesOf('content_block_delta', data),
      'content_block_delta',
      data,
    );
    expect(deltaLine(1, event)).toBe('{"r":"d","c":1,"t":12.346,"i":0,"k":"text","x":"Hi there"}');
    expect(textLine(1, { type: 'text', index: 0, text: 'Hi there', t: 13 })).toBe(
      '{"r":"t","c":1,"t":13,"i":0,"x":"Hi there"}',
    );
    expect(deltaLine(1, recordedEvent(4, 1, 12, event.bytes, event.event, data))).toBeNull();
    expect(deltaLine(1, recordedEvent(4, 0, 12, event.bytes + 1, event.event, data))).toBeNull();
    expect(
      deltaLine(1, recordedEvent(4, 0, 12, event.bytes, event.event, data.replace('Hi', 'H\\ni'))),
    ).toBeNull();
    expect(
      deltaLine(
        1,
        recordedEvent(4, 0, 12, event.bytes, event.event, data.replace('"index":0', '"index":00')),
      ),
    ).toBeNull();
    expect(textLine(1, { type: 'thinking', index: 0, text: 'a"b', t: 13 })).toBeNull();
    // Text that is no string, as a hostile server sends it in raw mode.
    for (const text of [null, 123, undefined, { a: 1 }, ['x']]) {
      const update = { type: 'text', index: 0, text, t: 1 } as unknown as Extract<
        TurnUpdate,
        { type: 'text' }
      >;
      expect(textLine(1, update)).toBeNull();
    }
    // Cut short so that the end it needs overlaps the string's opening quote.
    const cut = '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"}}';
    expect(
      deltaLine(1, recordedEvent(4, 0, 12, bytesOf('content_block_delta', cut), 'content_block_delta', cut)),
    ).toBeNull();
    // A lone surrogate read from a file, not the network (a decoder makes it U+FFFD): JSON escapes it.
    const lone = data.replace('Hi', '\ud800');
    const odd = recordedEvent(4, 0, 12, bytesOf('content_block_delta', lone), 'content_block_delta', lone);
    expect(deltaLine(1, odd)).toBeNull();
  });
});
