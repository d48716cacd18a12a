import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { readJournal } from '../../src/journal/read-journal.js';
import { restoreSession } from '../../src/journal/restore.js';
import { sessionPath } from '../../src/journal/state-dir.js';
import { distinctWarnings } from '../../src/tap/tap-server.js';
import { tempStateDir } from '../support/journaled.js';
import { listenOnLoopback } from '../support/sse-fixture-server.js';
import { rawExchange } from './raw-exchange.js';
import { testTap } from './test-tap.js';

const state = tempStateDir();
const closing: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
  state.remove();
});

/** An upstream that starts a chunked event stream and then sends a chunk size that is not hex. */
async function badChunkUpstream(): Promise<string> {
  const server = createServer((socket) => {
    socket.once('data', () => {
      socket.write(
        'HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n5\r\nhello\r\nZZZ\r\n',
      );
      setTimeout(() => socket.destroy(), 50);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closing.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

it('files a malformed upstream answer (a bad chunk size) as a failed turn with the connection error', async () => {
  const lines: string[] = [];
  const tap = await testTap(await badChunkUpstream(), state.dir, lines);
  const body = JSON.stringify({
    model: 'm',
    max_tokens: 5,
    stream: true,
    messages: [{ role: 'user', content: 'hi' }],
  });
  const answer = await rawExchange(`${tap.url}/v1/messages`, body, { 'content-type': 'application/json' });
  expect(answer.error).not.toBeNull();
  const id = tap.sessionId;
  await tap.close();
  const read = readJournal(sessionPath(state.dir, id ?? ''));
  expect(read.records.filter((record) => record.r === 'broke')).toEqual([]);
  const [cell] = restoreSession(read).state.cells;
  expect(cell?.status).toBe('failed');
  expect(cell?.error?.kind).toBe('connection');
  expect(lines.filter((line) => line.includes('recording'))).toEqual([]);
});

it('says each distinct recording failure once', () => {
  const lines: string[] = [];
  const failed = distinctWarnings((line) => lines.push(line));
  failed(new Error('one'));
  failed(new Error('one'));
  failed(new Error('two'));
  expect(lines).toHaveLength(2);
  expect(lines[0]).toContain('(one)');
  expect(lines[1]).toContain('(two)');
});

it('logs why an exchange was interrupted', async () => {
  const server = createHttpServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write('event: ping\ndata: {"type":"ping"}\n\n');
  });
  const listening = await listenOnLoopback(server);
  closing.push(() => listening.close());
  const logs: string[] = [];
  const tap = await testTap(listening.url, state.dir, logs);
  const body = JSON.stringify({
    model: 'm',
    max_tokens: 5,
    stream: true,
    messages: [{ role: 'user', content: 'hi' }],
  });
  await rawExchange(
    `${tap.url}/v1/messages`,
    body,
    { 'content-type': 'application/json' },
    { leaveAfterFirstChunk: true },
  );
  await tap.close();
  expect(logs).toHaveLength(1);
  expect(logs[0]).toMatch(/· interrupted: the client closed the connection$/);
});
