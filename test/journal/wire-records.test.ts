import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordedEvent } from '../../src/engine/wire-tap.js';
import { eventOf, eventRecord } from '../../src/journal/wire-records.js';

const delta = (literal: string) =>
  `{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":${literal}}}`;
const wire = (data: string) =>
  recordedEvent(3, 0, 12, Buffer.byteLength(data) + 35, 'content_block_delta', data);

describe('a wire event as a record', () => {
  it('keeps a delta whose text JSON refuses (a \\x escape) as the data sent, and reads it back', () => {
    const data = delta(String.raw`"bad \x escape"`);
    const record = eventRecord(1, wire(data));
    expect(record.r).toBe('e');
    expect(eventOf(record, 3).data).toBe(data);
  });

  it('gives back the data of any delta, byte for byte, however its text is escaped', () => {
    const literal = fc.oneof(
      fc.string().map((text) => JSON.stringify(text)),
      fc
        .array(fc.constantFrom('a', '\\"', '\\\\', '\\x', '\\u00', '\\u0041', '\\n', '\\/', 'é'), {
          maxLength: 12,
        })
        .map((parts) => `"${parts.join('')}"`),
    );
    fc.assert(
      fc.property(literal, (text) => {
        const data = delta(text);
        const record = eventRecord(1, wire(data));
        expect(eventOf(record, 3).data).toBe(data);
      }),
      { numRuns: 2000 },
    );
  });
});
