import { Stream } from '@anthropic-ai/sdk/core/streaming';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SseReader } from '../../src/engine/sse-reader.js';

/*
 * The wire tap's reader must see exactly what the SDK's reader sees (Stream.rawEvents): the
 * same events, names and data, and the byte count the tap once took from the SDK's raw lines,
 * however the bytes are cut into chunks and however hostile they are.
 */

interface Read {
  event: string | null;
  data: string;
  bytes: number;
}

async function sdkReads(chunks: readonly Uint8Array[]): Promise<Read[]> {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  const events: Read[] = [];
  for await (const { event, data, raw } of Stream.rawEvents(new Response(body))) {
    // Each raw line plus its end, plus the blank line that ends the event.
    const bytes = raw.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 1);
    events.push({ event, data, bytes });
  }
  return events;
}

function tapReads(chunks: readonly Uint8Array[]): Read[] {
  const events: Read[] = [];
  const reader = new SseReader(({ event, data }, bytes) => events.push({ event, data, bytes }));
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  return events;
}

async function expectSameReading(chunks: readonly Uint8Array[]): Promise<void> {
  expect(tapReads(chunks)).toEqual(await sdkReads(chunks));
}

const bytes = (text: string) => Buffer.from(text, 'utf8');

/** Cuts `all` at the given fractions of its length. */
function cutAt(all: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((f) => Math.floor(f * all.length)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, all.length]) {
    // Empty chunks too: a reader must not take one for the body's end.
    chunks.push(all.subarray(start, Math.max(start, point)));
    start = Math.max(start, point);
  }
  return chunks;
}

function everyByte(all: Uint8Array): Uint8Array[] {
  return Array.from(all, (byte) => Uint8Array.of(byte));
}

/** Pieces of a hostile event stream, as bytes: fields, line ends, BOMs, broken UTF-8. */
const piece: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc
    .constantFrom('event', 'data', 'event:', 'data:', 'event: ', 'data: ', ':', ' ', 'id: 1', 'retry')
    .map(bytes),
  fc.constantFrom('\n', '\r', '\r\n', '\n\n', '\r\r', '\r\n\r\n').map(bytes),
  fc.constantFrom('message_start', 'ping', 'error', '{"type":"ping"}', 'é', '€', '😀', '\u2028').map(bytes),
  fc.constantFrom(
    Uint8Array.of(0xef, 0xbb, 0xbf), // a BOM
    Uint8Array.of(0xef, 0xbb), // half of one
    Uint8Array.of(0xff),
    Uint8Array.of(0xc0, 0xaf), // an overlong slash
    Uint8Array.of(0xe2, 0x82), // a euro sign cut short
    Uint8Array.of(0xf0, 0x9f, 0x98), // an emoji cut short
    Uint8Array.of(0xed, 0xa0, 0x80), // a surrogate
    Uint8Array.of(0x80),
  ),
  fc.string({ maxLength: 8 }).map(bytes),
  fc.uint8Array({ maxLength: 6 }),
);

const hostileStream = fc.array(piece, { maxLength: 60 }).map((pieces) => Buffer.concat(pieces));

describe('the wire tap reads server-sent events as the SDK does', () => {
  it('reads any stream, cut anywhere, as the SDK reads it', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostileStream,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }),
        async (all, cuts) => expectSameReading(cutAt(all, cuts)),
      ),
      { numRuns: 1500 },
    );
  });

  it('reads any stream cut after every byte as the SDK reads it', async () => {
    await fc.assert(
      fc.asyncProperty(hostileStream, async (all) => expectSameReading(everyByte(all))),
      { numRuns: 300 },
    );
  });

  const CASES: Record<string, string[] | Uint8Array[]> = {
    'CR at a chunk’s end, its LF opening the next': ['event: a\r', '\ndata: 1\r', '\n\r', '\n'],
    'CR at a chunk’s end, then empty chunks, then LF': ['data: 1\r', '', '', '\n\r\n'],
    'lone CRs as line ends': ['event: a\rdata: 1\r\rdata: 2\r\r'],
    'a lone CR ending the body ends the event': ['data: 1\n', '\r'],
    'CR ending the body after a line': ['data: 1\r'],
    'no blank line at the end: the event is dropped': ['event: a\ndata: 1'],
    'a last line with its end but no blank line': ['event: a\ndata: 1\n'],
    'comments and unknown fields, and their lines kept for the next event': [
      ': hi\n\n:\nid: 7\nretry\nevent: a\ndata: 1\n\n',
    ],
    'fields without a colon, data without a space, multi-line data': ['event\ndata\ndata:x\ndata:  y\n\n'],
    'names of one length, differing in their first or last byte': [
      'event: ab\ndata: 1\n\nevent: ac\ndata: 2\n\nevent: bc\ndata: 3\n\nevent: bc\ndata: 4\n\n',
    ],
    'an empty event name with no data ends nothing': ['event:\n\ndata: 1\n\n'],
    'a BOM at the start, and one on every line': ['\ufeffevent: a\n\ufeffdata: 1\n\ufeff\n'],
    'two BOMs at the start: the decoder keeps both, the line loses one': ['\ufeff\ufeffdata: 1\n\n'],
    'a BOM as the last line, without its end, ends the event': ['data: 1\n\ufeff'],
  };
  it.each(Object.keys(CASES))('%s', async (name) => {
    const chunks = (CASES[name] ?? []).map((c) => (typeof c === 'string' ? bytes(c) : c));
    await expectSameReading(chunks);
    await expectSameReading(everyByte(Buffer.concat(chunks)));
  });

  it('reads a UTF-8 character split between chunks, and invalid bytes, with the same replacements', async () => {
    const all = Buffer.concat([
      bytes('data: €😀 '),
      Uint8Array.of(0xff, 0xc0, 0xaf, 0xe2, 0x82),
      bytes('\n\n'),
    ]);
    for (let at = 0; at <= all.length; at++) await expectSameReading([all.subarray(0, at), all.subarray(at)]);
    // Cut short at the body's end: the decoder's flush gives the last replacement.
    await expectSameReading([bytes('data: 1\n\ndata: 2'), Uint8Array.of(0xe2, 0x82)]);
    await expectSameReading([bytes('data: 1\n\r'), Uint8Array.of(0xe2)]);
  });

  it('reads a 1 MiB line with no line end in small chunks, scanning each chunk once', async () => {
    const line = Buffer.alloc(1024 * 1024, 'x');
    const all = Buffer.concat([bytes('data: '), line, bytes('\n\n')]);
    // 64k chunks of 16 bytes: a reader that scanned the whole pending line for each chunk
    // would do 34 billion steps and never finish.
    const chunks: Uint8Array[] = [];
    for (let at = 0; at < all.length; at += 16) chunks.push(all.subarray(at, at + 16));
    const events = tapReads(chunks);
    expect(events).toHaveLength(1);
    expect(events[0]?.data.length).toBe(line.length);
    expect(events).toEqual(await sdkReads(chunks));
  });
});
