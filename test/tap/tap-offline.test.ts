import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionsDir } from '../../src/journal/state-dir.js';
import { Recordings } from '../../src/offline/recording.js';
import { SCENARIOS } from '../../src/offline/scenario-names.js';
import { type OfflineServer, startOfflineServer } from '../../src/offline/server.js';
import type { Cell } from '../../src/store/cell.js';
import { startTap, type TapServer } from '../../src/tap/tap-server.js';
import { tempStateDir } from '../support/journaled.js';
import { leaks, PLANTED_KEY } from '../support/key-echo-server.js';
import { headerOf, type RawAnswer, rawExchange } from './raw-exchange.js';
import { tappedCells } from './tapped-cells.js';

const HEADERS = {
  'content-type': 'application/json',
  'x-api-key': PLANTED_KEY,
  'anthropic-version': '2023-06-01',
};
const body = (prompt: string, stream = true) =>
  JSON.stringify({
    model: 'claude-sonnet-4-6',
    max_tokens: 300,
    stream,
    messages: [{ role: 'user', content: prompt }],
  });

/** The offline server's ids are fresh per answer; everything else of an answer is the prompt's. */
const sameIds = (bytes: Buffer) =>
  bytes.toString('latin1').replace(/(msg|req)_offline_[1-9A-HJ-NP-Za-km-z]+/g, '$1_offline_ID');

/** The headers a proxy may rightly change (the connection's own) or that differ per answer. */
const PER_CONNECTION = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'request-id']);
const endToEnd = (answer: RawAnswer) => {
  const kept: string[] = [];
  for (let i = 0; i + 1 < answer.headers.length; i += 2) {
    const name = (answer.headers[i] as string).toLowerCase();
    if (!PER_CONNECTION.has(name)) kept.push(`${name}: ${answer.headers[i + 1]}`);
  }
  return kept;
};

describe('tap in front of the offline server', () => {
  const state = tempStateDir();
  const logs: string[] = [];
  let server: OfflineServer;
  let tap: TapServer;

  beforeAll(async () => {
    server = await startOfflineServer({ pace: 'none' });
    tap = await startTap({
      port: 0,
      host: '127.0.0.1',
      upstream: server.url,
      stateDir: state.dir,
      log: (line) => logs.push(line),
      warn: (line) => logs.push(`warn: ${line}`),
    });
  });
  afterAll(async () => {
    await tap.close();
    await server.close();
    state.remove();
  });

  let filed = 0;
  /** The next exchange's turn, once the tap filed it. */
  const nextCell = async (): Promise<Cell> => (await tappedCells(tap, state.dir, ++filed)).at(-1) as Cell;

  it.each(SCENARIOS.map((s) => s.name))('%s: the client gets what a direct connection gets', async (name) => {
    server.setScenario(name);
    const prompt = `tell me about ${name}`;
    const direct = await rawExchange(`${server.url}/v1/messages`, body(prompt), HEADERS);
    const tapped = await rawExchange(`${tap.url}/v1/messages`, body(prompt), HEADERS);
    expect(tapped.status).toBe(direct.status);
    expect(tapped.error === null).toBe(direct.error === null);
    expect(endToEnd(tapped)).toEqual(endToEnd(direct));
    expect(sameIds(tapped.body)).toBe(sameIds(direct.body));
    expect(tapped.body.length).toBeGreaterThan(0);
    const cell = await nextCell();
    expect(cell.prompt).toBe(prompt);
    expect(cell.attempts[0]?.status).toBe(tapped.status || undefined);
  });

  it('files each exchange as a turn, with the prompt, its wire and a final message', async () => {
    server.setScenario('tool-use');
    const client = new Anthropic({ apiKey: PLANTED_KEY, baseURL: tap.url, maxRetries: 0 });
    const stream = client.messages.stream({
      model: 'claude-sonnet-4-6',
      max_tokens: 300,
      messages: [{ role: 'user', content: 'weather in Paris?' }],
    });
    const final = await stream.finalMessage();
    const cell = await nextCell();
    expect(cell.status).toBe('complete');
    // The helper adds parsed_output (null without an output schema); the rest is the accumulation.
    const { parsed_output: _parsed, ...accumulated } = final as typeof final & { parsed_output?: unknown };
    expect(JSON.parse(JSON.stringify(cell.message))).toEqual(JSON.parse(JSON.stringify(accumulated)));
    expect(cell.events.length).toBeGreaterThan(5);
    expect(cell.attempts[0]?.status).toBe(200);
    expect(cell.blocks.map((b) => b.type)).toEqual(final.content.map((b) => b.type));
    expect(cell.metrics?.stopReason).toBe('tool_use');

    // --replay ID:N serves the tapped turn again offline, to the same final message.
    const recordings = new Recordings(state.dir, 0);
    const replay = await startOfflineServer({
      pace: 'none',
      scenario: `replay:${tap.sessionId}:${cell.id}`,
      recordings,
    });
    try {
      const offline = new Anthropic({ apiKey: 'offline', baseURL: replay.url, maxRetries: 0 });
      const again = await offline.messages
        .stream({ model: 'claude-sonnet-4-6', max_tokens: 300, messages: [{ role: 'user', content: 'x' }] })
        .finalMessage();
      expect(again).toEqual(final);
    } finally {
      await replay.close();
    }
  });

  it('files a stream: false request and another endpoint as HTTP rows', async () => {
    server.setScenario('chat');
    const whole = await rawExchange(`${tap.url}/v1/messages`, body('all at once', false), HEADERS);
    expect(whole.status).toBe(200);
    const cell = await nextCell();
    expect(cell.events).toHaveLength(0);
    expect(cell.attempts[0]?.status).toBe(200);
    expect(cell.message).toEqual(JSON.parse(whole.body.toString('utf8')));

    const counted = await rawExchange(`${tap.url}/v1/messages/count_tokens`, body('count me'), HEADERS);
    expect(counted.status).toBe(200);
    const row = await nextCell();
    expect(row.attempts[0]?.status).toBe(200);
    expect(row.events).toHaveLength(0);

    const unknown = await rawExchange(`${tap.url}/v1/models`, body('list'), HEADERS);
    expect(unknown.status).toBe(404);
    const missing = await nextCell();
    expect(missing.attempts[0]?.status).toBe(404);
    expect(missing.error?.kind).toBe('http');
  });

  it('passes a 429 through with its body, and files it as the HTTP error it was', async () => {
    server.setScenario('rate-limit');
    const answer = await rawExchange(`${tap.url}/v1/messages`, body('too many'), HEADERS);
    expect(answer.status).toBe(429);
    expect(JSON.parse(answer.body.toString('utf8')).error.type).toBe('rate_limit_error');
    expect(headerOf(answer.headers, 'retry-after')).toBeDefined();
    const cell = await nextCell();
    expect(cell.error).toMatchObject({ kind: 'http', status: 429, errorType: 'rate_limit_error' });
  });

  it('resets the client when the upstream drops mid-stream, and files the partial turn', async () => {
    server.setScenario('dropped');
    const answer = await rawExchange(`${tap.url}/v1/messages`, body('drop me'), HEADERS);
    expect(answer.status).toBe(200);
    expect(answer.error).not.toBeNull();
    expect(answer.body.toString('utf8')).toContain('content_block_delta');
    const cell = await nextCell();
    expect(cell.status).toBe('failed');
    expect(cell.error?.kind).toBe('connection');
  });

  it('never writes the key, in any file or log line', async () => {
    const files = readdirSync(sessionsDir(state.dir)).map((f) => join(sessionsDir(state.dir), f));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(leaks(readFileSync(file, 'utf8'), PLANTED_KEY)).toEqual([]);
    expect(leaks(logs.join('\n'), PLANTED_KEY)).toEqual([]);
    expect(logs.some((line) => line.startsWith('warn'))).toBe(false);
    expect(logs.some((line) => line.includes('POST /v1/messages → 200'))).toBe(true);
  });
});
