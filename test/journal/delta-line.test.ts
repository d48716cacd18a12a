import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordedEvent } from '../../src/engine/wire-tap.js';
import { deltaLine, eventRecord } from '../../src/journal/wire-records.js';

const bytesOf = (name: string | null, data: string) =>
  (name === null ? 0 : Buffer.byteLength(name) + 8) + Buffer.byteLength(data) + 8;

function delta(literal: string, index = '0', type = 'text_delta', field = 'text'): string {
  return `{"type":"content_block_delta","index":${index},"delta":{"type":"${type}","${field}":${literal}}}`;
}

function event(
  data: string,
  opts: { name?: string | null; attempt?: number; t?: number; bytes?: number } = {},
) {
  const name = opts.name === undefined ? 'content_block_delta' : opts.name;
  return recordedEvent(
    3,
    opts.attempt ?? 0,
    opts.t ?? 12.3456789,
    opts.bytes ?? bytesOf(name, data),
    name,
    data,
  );
}

/** The fast line, where given, is exactly the line the record would have been written as. */
function agrees(data: string, opts: Parameters<typeof event>[1] = {}): string | null {
  const e = event(data, opts);
  const line = deltaLine(7, e);
  if (line !== null) expect(line).toBe(JSON.stringify(eventRecord(7, e)));
  return line;
}

describe('a delta written as its line without JSON.stringify', () => {
  it('is the record JSON.stringify writes, for plain, escaped and non-ASCII text', () => {
    for (const text of ['hello', 'a "quoted" word', 'line\nbreak\ttab', 'back\\slash', 'émoji 😀 中文', '']) {
      expect(agrees(delta(JSON.stringify(text)))).not.toBeNull();
    }
    expect(agrees(delta('"{\\"a\\":1}"', '2', 'input_json_delta', 'partial_json'))).not.toBeNull();
    expect(agrees(delta('"hm"', '1', 'thinking_delta', 'thinking'))).not.toBeNull();
  });

  it('is not given where the record differs from the data: other escapes, names, bytes, attempts', () => {
    expect(agrees(delta('"\\u0041"'))).toBeNull();
    expect(agrees(delta('"a\\/b"'))).toBeNull();
    expect(agrees(delta('"\\ud800"'))).toBeNull();
    expect(agrees(delta('"\ud800"'))).toBeNull();
    expect(agrees(delta('"a\u0001b"'))).toBeNull();
    expect(agrees(delta('"x"', '01'))).toBeNull();
    expect(agrees(delta('"x"', '0', 'text_delta', 'thinking'))).toBeNull();
    expect(agrees(delta('"x"'), { name: null })).toBeNull();
    expect(agrees(delta('"x"'), { name: 'other' })).toBeNull();
    expect(agrees(delta('"x"'), { attempt: 1 })).toBeNull();
    expect(agrees(delta('"x"'), { bytes: 3 })).toBeNull();
    expect(
      agrees('{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"x"},"z":1}'),
    ).toBeNull();
    expect(agrees('{"type":"ping"}', { name: 'ping' })).toBeNull();
  });

  it('agrees with the record for any text and time', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (text, t) => {
          agrees(delta(JSON.stringify(text)), { t: Math.abs(t) });
        },
      ),
      { numRuns: 2000 },
    );
  });
});
