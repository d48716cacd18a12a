import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { readJournal } from '../../src/journal/read-journal.js';
import { restoreSession } from '../../src/journal/restore.js';
import { sessionPath } from '../../src/journal/state-dir.js';
import { startOfflineServer } from '../../src/offline/server.js';
import { startTap, type TapServer } from '../../src/tap/tap-server.js';
import { tempStateDir } from '../support/journaled.js';
import { headerOf, rawExchange } from './raw-exchange.js';
import { tappedCells } from './tapped-cells.js';

const HEADERS = { 'content-type': 'application/json', 'x-api-key': 'sk-short-key' };
const BODY = (prompt: string, maxTokens = 10) =>
  JSON.stringify({
    model: 'm',
    max_tokens: maxTokens,
    stream: true,
    messages: [{ role: 'user', content: prompt }],
  });

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
const opened: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const closable of opened.splice(0).reverse()) await closable.close();
});

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

async function tapTo(url: string, stateDir: string, notes: string[] = []): Promise<TapServer> {
  const tap = await startTap({
    port: 0,
    host: '127.0.0.1',
    upstream: url,
    stateDir,
    log: () => {},
    warn: (line) => notes.push(line),
  });
  opened.push(tap);
  return tap;
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

  it('files exchanges that run side by side as whole turns, one after another', async () => {
    const server = await startOfflineServer({ pace: 'none', scenario: 'long:200' });
    opened.push(server);
    const state = tempStateDir();
    const tap = await tapTo(server.url, state.dir);
    const prompts = ['a', 'b', 'c', 'd', 'e'];
    const answers = await Promise.all(
      prompts.map((p) => rawExchange(`${tap.url}/v1/messages`, BODY(p, 1000), HEADERS)),
    );
    for (const answer of answers) expect(answer.error).toBeNull();
    const cells = await tappedCells(tap, state.dir, prompts.length);
    expect(cells.map((c) => c.status)).toEqual(prompts.map(() => 'complete'));
    expect(new Set(cells.map((c) => c.prompt))).toEqual(new Set(prompts));
    for (const cell of cells) expect(cell.events.length).toBe(cells[0]?.events.length);
    state.remove();
  });

  it('survives many clients leaving mid-stream at once, files them interrupted, and still answers', async () => {
    const server = await startOfflineServer({ pace: { deltasPerSecond: 500 }, scenario: 'long:1000' });
    opened.push(server);
    const state = tempStateDir();
    const tap = await tapTo(server.url, state.dir);
    const runs = Array.from({ length: 20 }, (_, i) =>
      rawExchange(`${tap.url}/v1/messages`, BODY(`p${i}`, 1000), HEADERS, {
        leaveAfterFirstChunk: i % 2 === 0,
      }),
    );
    await Promise.all(runs);
    const after = await rawExchange(`${tap.url}/v1/messages`, BODY('after', 1000), HEADERS);
    expect(after.error).toBeNull();
    expect(after.body.toString()).toContain('message_stop');
    const cells = await tappedCells(tap, state.dir, 21);
    const status = (prompt: string) => cells.find((c) => c.prompt === prompt)?.status;
    for (let i = 0; i < 20; i++) expect(status(`p${i}`)).toBe(i % 2 === 0 ? 'interrupted' : 'complete');
    expect(status('after')).toBe('complete');
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
