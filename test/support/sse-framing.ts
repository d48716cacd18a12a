/**
 * The same server-sent events, framed every way the SSE spec allows: LF, CRLF or CR line
 * endings, comment lines, `id:` and `retry:` fields, the space after the colon left out,
 * multi-line data, and the bytes cut into chunks anywhere, even inside a UTF-8 character.
 * A loopback server sends the chunks one write at a time, so the client reads them apart.
 */
import { createServer } from 'node:http';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import fc from 'fast-check';
import { listenOnLoopback } from './sse-fixture-server.js';

/** One event as the reader should see it: the `event:` field and the data lines joined by LF. */
export interface LogicalEvent {
  event: string | null;
  data: string;
}

/** Reads a recording in the canonical framing (`event:`, `data:` lines, LF, a blank line between). */
export function logicalEvents(recording: string): LogicalEvent[] {
  return recording
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      let event: string | null = null;
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = fieldValue(line, 'event:');
        else if (line.startsWith('data:')) data.push(fieldValue(line, 'data:'));
      }
      return { event, data: data.join('\n') };
    });
}

function fieldValue(line: string, field: string): string {
  const value = line.slice(field.length);
  return value.startsWith(' ') ? value.slice(1) : value;
}

/** A stand-in character that `encodeFramed` turns into invalid UTF-8 on the wire. */
export const INVALID_UTF8 = '\ue000';
const INVALID_BYTES = Buffer.from([0xff, 0xc0, 0xaf]);

/** How one stream is framed; `Framing.clean` is the one-read baseline. */
export interface Framing {
  /** Each line's ending, taken in turn (a CR never precedes a blank line's LF: that reads as CRLF). */
  endings: ReadonlyArray<'\n' | '\r\n' | '\r'>;
  /** Lines the reader must skip, put before each event in turn: comments, id, retry, unknown fields. */
  extras: readonly string[][];
  /** Whether each field keeps the optional space after its colon. */
  space: readonly boolean[];
  bom: boolean;
  /** Where the bytes are cut, as fractions of the length; `'bytes'` cuts after every byte. */
  cuts: readonly number[] | 'bytes';
}

export const CLEAN: Framing = { endings: ['\n'], extras: [], space: [true], bom: false, cuts: [] };

const ignoredLine = fc.oneof(
  fc.string({ maxLength: 20 }).map((text) => `:${text.replace(/[\r\n]/g, ' ')}`),
  fc.constant(':'),
  fc.nat({ max: 99999 }).map((n) => `id: ${n}`),
  fc.constant('id'),
  fc.nat({ max: 60000 }).map((n) => `retry: ${n}`),
  fc.constantFrom('unknown: field', 'x'),
);

/** Any framing the SSE spec allows. */
export const framing: fc.Arbitrary<Framing> = fc.record({
  endings: fc.array(fc.constantFrom<'\n' | '\r\n' | '\r'>('\n', '\r\n', '\r'), {
    minLength: 1,
    maxLength: 5,
  }),
  extras: fc.array(fc.array(ignoredLine, { maxLength: 2 }), { maxLength: 6 }),
  space: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
  bom: fc.boolean(),
  cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 60 }),
});

/** The events framed as `framing` says, as the chunks a server would write. */
export function encodeFramed(events: readonly LogicalEvent[], framing: Framing): Buffer[] {
  let out = framing.bom ? '\ufeff' : '';
  let line = 0;
  let previous = '';
  const emit = (text: string) => {
    let ending = framing.endings[line++ % framing.endings.length] ?? '\n';
    if (text === '' && previous === '\r' && ending === '\n') ending = '\r';
    out += text + ending;
    previous = ending;
  };
  events.forEach((event, index) => {
    for (const extra of framing.extras[index % Math.max(1, framing.extras.length)] ?? []) emit(extra);
    const field = (name: string, value: string) => {
      const space = framing.space[line % framing.space.length] !== false || value.startsWith(' ');
      emit(`${name}:${space ? ' ' : ''}${value}`);
    };
    if (event.event !== null) field('event', event.event);
    for (const data of event.data.split('\n')) field('data', data);
    emit('');
  });
  const bytes = withInvalidUtf8(Buffer.from(out));
  return cut(bytes, framing.cuts);
}

function withInvalidUtf8(bytes: Buffer): Buffer {
  const marker = Buffer.from(INVALID_UTF8);
  const parts: Buffer[] = [];
  let start = 0;
  for (let at = bytes.indexOf(marker); at !== -1; at = bytes.indexOf(marker, start)) {
    parts.push(bytes.subarray(start, at), INVALID_BYTES);
    start = at + marker.length;
  }
  parts.push(bytes.subarray(start));
  return Buffer.concat(parts);
}

function cut(bytes: Buffer, cuts: Framing['cuts']): Buffer[] {
  if (cuts === 'bytes') return Array.from(bytes, (byte) => Buffer.from([byte]));
  const points = [...new Set(cuts.map((f) => Math.floor(f * bytes.length)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    if (point > start) chunks.push(bytes.subarray(start, point));
    start = Math.max(start, point);
  }
  return chunks;
}

export interface ChunkServer {
  url: string;
  /** What every later POST /v1/messages gets: these chunks, one write each, and this request-id. */
  serve(chunks: readonly Buffer[], requestId?: string): void;
  close(): Promise<void>;
}

/** A loopback Messages API that answers with the chunks it was last given. */
export async function serveChunks(): Promise<ChunkServer> {
  let current: readonly Buffer[] = [];
  let currentId = 'req_framing';
  const server = createServer((req, res) => {
    req.resume();
    req.socket.setNoDelay(true);
    res.writeHead(200, { 'content-type': 'text/event-stream', 'request-id': currentId });
    void (async (chunks) => {
      for (const chunk of chunks) {
        if (res.destroyed) return;
        res.write(chunk);
        await yieldToLoop();
      }
      res.end();
    })(current);
  });
  return {
    ...(await listenOnLoopback(server)),
    serve(chunks, requestId = 'req_framing') {
      current = chunks;
      currentId = requestId;
    },
  };
}
