import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterEach, expect, it } from 'vitest';
import { startTap, type TapServer } from '../../src/tap/tap-server.js';
import { tempStateDir } from '../support/journaled.js';
import { listenOnLoopback } from '../support/sse-fixture-server.js';
import { rawExchange } from './raw-exchange.js';
import { tappedCells } from './tapped-cells.js';

const state = tempStateDir();
const closing: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
  state.remove();
});

/** An upstream that answers every request with `body`, gzip-encoded as `type`. */
async function serveGzip(type: string, body: Buffer): Promise<string> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip' });
      res.end(body);
    });
  });
  const listening = await listenOnLoopback(server);
  closing.push(() => listening.close());
  return listening.url;
}

async function tapTo(upstream: string, notes: string[]): Promise<TapServer> {
  const tap = await startTap({
    port: 0,
    host: '127.0.0.1',
    upstream,
    stateDir: state.dir,
    log: () => {},
    warn: (line) => notes.push(line),
  });
  closing.push(() => tap.close());
  return tap;
}

const REQUEST = JSON.stringify({
  model: 'm',
  max_tokens: 5,
  stream: true,
  messages: [{ role: 'user', content: 'hi' }],
});

it.each<[string, string, Buffer]>([
  // A gzip bomb: a few kilobytes that decode to 48 MB in one event that never ends.
  [
    'one unterminated event',
    'text/event-stream',
    Buffer.concat([Buffer.from('event: message_start\ndata: "'), Buffer.alloc(48 * 1024 * 1024, 97)]),
  ],
  ['a whole JSON answer', 'application/json', Buffer.alloc(48 * 1024 * 1024, 32)],
])(
  'an answer too large to record (%s) is filed as failed; the client gets every byte',
  async (_, type, decoded) => {
    const payload = gzipSync(decoded, { level: 9 });
    const notes: string[] = [];
    const tap = await tapTo(await serveGzip(type, payload), notes);
    const answer = await rawExchange(`${tap.url}/v1/messages`, REQUEST, {
      'content-type': 'application/json',
    });
    expect(answer.error).toBeNull();
    expect(Buffer.compare(answer.body, payload)).toBe(0);
    const [cell] = await tappedCells(tap, state.dir, 1);
    expect(cell?.status).toBe('failed');
    expect(cell?.error?.message).toContain('too large to record');
  },
);
