import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readJournal } from '../../src/journal/read-journal.js';
import { restoreSession } from '../../src/journal/restore.js';
import { sessionPath } from '../../src/journal/state-dir.js';
import { tempStateDir } from '../support/journaled.js';
import { BODY, HEADERS, tapsClosedAfterEach } from '../support/tap-under-test.js';
import { headerOf, rawExchange } from './raw-exchange.js';
import { tappedCells } from './tapped-cells.js';

const sse = (type: string, data: object) => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
const START = sse('message_start', {
  message: {
    id: 'msg_1',
    type: 'message',
    role: 'assistant',
    model: 'm',
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage: { input_tokens: 3, output_tokens: 1 },
  },
});
const REST = [
  sse('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }),
  sse('content_block_delta', { index: 0, delta: { type: 'text_delta', text: 'Héllo ' } }),
  sse('content_block_delta', { index: 0, delta: { type: 'text_delta', text: 'there' } }),
  sse('content_block_stop', { index: 0 }),
  sse('message_delta', {
    delta: { stop_reason: 'end_turn', stop_sequence: null },
    usage: { output_tokens: 2 },
  }),
  sse('message_stop', {}),
].join('');

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const { opened, tapTo } = tapsClosedAfterEach();

async function upstream(handler: Handler): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  opened.push({
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('tap against a hostile upstream', () => {
  it('passes a gzip body through as the same bytes, and records it decoded', async () => {
    const gzipped = gzipSync(Buffer.from(START + REST));
    const { url } = await upstream((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'text/event-stream', 'content-encoding': 'gzip' });
      // In three pieces, cut anywhere: the tap must not wait for a whole event to pass one on.
      res.write(gzipped.subarray(0, 7));
      res.write(gzipped.subarray(7, 40));
      res.end(gzipped.subarray(40));
    });
    const state = tempStateDir();
    const tap = await tapTo(url, state.dir);
    const answer = await rawExchange(`${tap.url}/v1/messages`, BODY('zipped'), HEADERS);
    expect(headerOf(answer.headers, 'content-encoding')).toBe('gzip');
    expect(answer.body.equals(gzipped)).toBe(true);
    const [cell] = await tappedCells(tap, state.dir, 1);
    expect(cell?.error).toBeNull();
    expect(cell?.status).toBe('complete');
    expect(cell?.message?.content).toEqual([{ type: 'text', text: 'Héllo there' }]);
    expect(cell?.events).toHaveLength(7);
    state.remove();
  });

  it('passes a stall on as a stall, and lets the upstream go when the client gives up', async () => {
    let upstreamClosed: () => void = () => {};
    const closed = new Promise<void>((resolve) => {
      upstreamClosed = resolve;
    });
    const { url } = await upstream((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(START);
      res.on('close', () => upstreamClosed());
    });
    const state = tempStateDir();
    const tap = await tapTo(url, state.dir);
    const answer = await rawExchange(`${tap.url}/v1/messages`, BODY('stall'), HEADERS, {
      leaveAfterFirstChunk: true,
    });
    expect(answer.body.toString()).toBe(START);
    await closed;
    const [cell] = await tappedCells(tap, state.dir, 1);
    expect(cell?.status).toBe('interrupted');
    expect(cell?.events).toHaveLength(1);
    state.remove();
  });

  it('resets the client when the upstream resets, and when it cannot be reached', async () => {
    const { url } = await upstream((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(START, () => res.socket?.resetAndDestroy());
    });
    const state = tempStateDir();
    const tap = await tapTo(url, state.dir);
    const answer = await rawExchange(`${tap.url}/v1/messages`, BODY('reset'), HEADERS);
    expect(answer.error).not.toBeNull();
    const [cell] = await tappedCells(tap, state.dir, 1);
    expect(cell?.error?.kind).toBe('connection');

    const nowhere = await tapTo('http://127.0.0.1:1', state.dir);
    const refused = await rawExchange(`${nowhere.url}/v1/messages`, BODY('nowhere'), HEADERS);
    expect(refused.status).toBe(0);
    expect(refused.error).toMatch(/ECONNRESET|socket hang up/);
    state.remove();
  });

  it('keeps forwarding when the session cannot be saved, and says so once', async () => {
    const { url } = await upstream((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(START + REST);
    });
    const state = tempStateDir();
    const readOnly = join(state.dir, 'read-only');
    mkdirSync(readOnly);
    writeFileSync(join(readOnly, 'sessions'), 'a file where the folder would go');
    chmodSync(readOnly, 0o500);
    const notes: string[] = [];
    const tap = await tapTo(url, readOnly, notes);
    for (const prompt of ['one', 'two']) {
      const answer = await rawExchange(`${tap.url}/v1/messages`, BODY(prompt), HEADERS);
      expect(answer.body.toString()).toBe(START + REST);
    }
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/can't save the session/);
    chmodSync(readOnly, 0o700);
    state.remove();
  });

  it('sends every path to the upstream, never to a host the path names', async () => {
    let decoyHits = 0;
    const decoy = await upstream((req, res) => {
      decoyHits++;
      req.resume();
      res.end();
    });
    const paths: string[] = [];
    const { url } = await upstream((req, res) => {
      paths.push(req.url ?? '');
      req.resume();
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{}');
    });
    const state = tempStateDir();
    const tap = await tapTo(url, state.dir);
    const port = new URL(tap.url).port;
    const decoyHost = new URL(decoy.url).host;
    const statusOf = (path: string) =>
      new Promise<number>((resolve) => {
        const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', () => resolve(0));
        req.end();
      });
    expect(await statusOf(`//${decoyHost}/v1/messages`)).toBe(404);
    expect(await statusOf(`@${decoyHost}/v1/messages`)).toBe(400);
    expect(paths).toEqual([`//${decoyHost}/v1/messages`]);
    expect(decoyHits).toBe(0);
    state.remove();
  });

  it('writes a turn cut by its own stop as interrupted before it exits', async () => {
    const { url } = await upstream((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(START);
    });
    const state = tempStateDir();
    const tap = await tapTo(url, state.dir);
    const answer = new Promise<unknown>((resolve) => {
      const req = request(`${tap.url}/v1/messages`, { method: 'POST', headers: HEADERS }, (res) => {
        res.once('data', () => resolve(tap.close()));
        res.on('error', () => {});
      });
      req.on('error', () => {});
      req.end(BODY('cut by the stop'));
    });
    await answer;
    const read = readJournal(sessionPath(state.dir, tap.sessionId as string));
    const ends = read.records.filter((r) => r.r === 'u' && r.u.type === 'end');
    expect(ends).toHaveLength(1);
    expect(restoreSession(read).state.cells[0]?.status).toBe('interrupted');
    state.remove();
  });
});
