import { createServer, type ServerResponse } from 'node:http';
import { setTimeout as delay, setImmediate as yieldToLoop } from 'node:timers/promises';
import { constants, createGzip } from 'node:zlib';
import { listenOnLoopback, sseEvent } from './sse-fixture-server.js';
import { messageEnd, messageStart } from './stream-events.js';

/**
 * How fetch meets `gzip-bad-midway`. Node 20's and 22's leave the body's next read pending for
 * ever (only the idle timeout or Esc ends the turn); Node 24's fails the read at once, and the
 * turn ends naming the corrupt body.
 */
export const GZIP_BAD_MIDWAY_HANGS = Number(process.versions.node.split('.')[0]) < 24;
export const GZIP_BAD_MIDWAY_LINE = GZIP_BAD_MIDWAY_HANGS
  ? 'the stream stalled: no data for 0.3 s'
  : "the reply's compressed body is corrupt (invalid block type); try again, or check any proxy in between";

/** One way a server can answer POST /v1/messages badly (or, for `ok`, well). */
export type HostileMode =
  | { kind: 'ok' }
  | { kind: 'html' }
  | { kind: 'json' }
  | { kind: 'empty' }
  /** content-encoding gzip, but the body is not gzip at all. */
  | { kind: 'gzip-garbage' }
  /** The first events, gzipped and flushed; then bytes that are not gzip, and the end. */
  | { kind: 'gzip-bad-midway' }
  /** Takes the request and never answers. */
  | { kind: 'stall-headers' }
  /** Sends the first events, then nothing, with the connection left open. */
  | { kind: 'stall-body' }
  /** Sends the first events, then resets the connection. */
  | { kind: 'reset-body' }
  /** A 400 whose body promises 200 bytes, sends 16, and stalls with the connection open. */
  | { kind: 'error-stall' }
  /** A 400 whose body never ends: 1 KiB after 1 KiB, for as long as the client reads. */
  | { kind: 'error-endless' }
  /** An error status with the given headers (retry-after, retry-after-ms). */
  | { kind: 'status'; status: number; headers: Record<string, string> };

export interface HostileServer {
  url: string;
  /** How many requests came in. */
  requests(): number;
  close(): Promise<void>;
}

/** The text the good part of every stream carries: "Hello there" in two deltas. */
export const PARTIAL_TEXT = 'Hello';

function delta(text: string) {
  return {
    event: 'content_block_delta',
    data: { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } },
  };
}

const HEAD = [
  messageStart('msg_hostile'),
  {
    event: 'content_block_start',
    data: { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
  },
  delta(PARTIAL_TEXT),
];
const TAIL = [
  delta(' there'),
  { event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 } },
  ...messageEnd('end_turn', 2),
];

const sse = (events: ReadonlyArray<{ event: string; data: unknown }>) =>
  events.map((e) => sseEvent(e.event, e.data)).join('');

/**
 * A server that answers the n-th request with the n-th mode (the last one repeats), for the
 * faults a real proxy, a wrong --base-url or a broken network produce.
 */
export async function serveHostile(modes: HostileMode[]): Promise<HostileServer> {
  let count = 0;
  const server = createServer((req, res) => {
    req.resume();
    const mode = modes[Math.min(count, modes.length - 1)] ?? { kind: 'ok' };
    count++;
    void answer(mode, res);
  });
  return { ...(await listenOnLoopback(server)), requests: () => count };
}

const STREAM_HEADERS = { 'content-type': 'text/event-stream', 'request-id': 'req_hostile' };

async function answer(mode: HostileMode, res: ServerResponse): Promise<void> {
  switch (mode.kind) {
    case 'ok':
      res.writeHead(200, STREAM_HEADERS);
      for (const event of [...HEAD, ...TAIL]) {
        res.write(sseEvent(event.event, event.data));
        await yieldToLoop();
      }
      res.end();
      return;
    case 'html':
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<html><body>Welcome</body></html>');
      return;
    case 'json':
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(messageStart('msg_json').data.message));
      return;
    case 'empty':
      res.writeHead(200, { 'content-length': '0' }).end();
      return;
    case 'gzip-garbage':
      res.writeHead(200, { ...STREAM_HEADERS, 'content-encoding': 'gzip' });
      res.end(Buffer.from('this is not gzip at all, not even a little'));
      return;
    case 'gzip-bad-midway': {
      // Garbage that arrives apart from the good part, and then the end: Node 20's fetch
      // then leaves the body's next read pending for ever.
      res.writeHead(200, { ...STREAM_HEADERS, 'content-encoding': 'gzip' });
      const gzip = createGzip();
      gzip.on('data', (chunk: Buffer) => res.write(chunk));
      gzip.write(sse(HEAD));
      await new Promise((resolve) => gzip.flush(constants.Z_SYNC_FLUSH, () => resolve(undefined)));
      await delay(20);
      res.end(Buffer.from([0xff, 0xfe, 0x00, 0x13, 0x37, 0x99, 0x42, 0x00, 0x01, 0xff, 0xff, 0xff]));
      return;
    }
    case 'stall-headers':
      return;
    case 'stall-body':
      res.writeHead(200, STREAM_HEADERS);
      res.write(sse(HEAD));
      return;
    case 'reset-body':
      res.writeHead(200, STREAM_HEADERS);
      res.write(sse(HEAD), () => res.destroy());
      return;
    case 'error-stall':
      res.writeHead(400, { 'content-type': 'application/json', 'content-length': '200' });
      res.write('{"type":"error",');
      return;
    case 'error-endless': {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.write('{"type":"error","error":{"type":"invalid_request_error","message":"');
      const chunk = 'x'.repeat(1024);
      const pump = () => {
        while (!res.destroyed) if (!res.write(chunk)) return void res.once('drain', pump);
      };
      pump();
      return;
    }
    case 'status':
      res.writeHead(mode.status, { 'content-type': 'application/json', ...mode.headers }).end(
        JSON.stringify({
          type: 'error',
          error: {
            type: mode.status === 429 ? 'rate_limit_error' : 'overloaded_error',
            message: 'slow down',
          },
        }),
      );
      return;
    default: {
      const unreachable: never = mode;
      throw new Error(`unknown mode ${JSON.stringify(unreachable)}`);
    }
  }
}
