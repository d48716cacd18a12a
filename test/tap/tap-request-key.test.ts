import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { tempStateDir } from '../support/journaled.js';
import { leaks, PLANTED_KEY, serveKeyEcho } from '../support/key-echo-server.js';
import { rawExchange } from './raw-exchange.js';
import { tappedCells } from './tapped-cells.js';
import { testTap } from './test-tap.js';

const state = tempStateDir();
afterEach(() => state.remove());

/** Every file under a directory, as text. */
function everyFile(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, String(name)))
    .filter((path) => statSync(path).isFile())
    .map((path) => readFileSync(path, 'utf8'));
}

/** A request that carries the key in its prompt, its system prompt, a tool's input and a header. */
function requestWith(key: string): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({
    model: 'm',
    max_tokens: 5,
    stream: true,
    system: `sys ${key}`,
    messages: [
      { role: 'user', content: 'first' },
      {
        role: 'assistant',
        content: [{ type: 'tool_use', id: 'toolu_1', name: 'echo', input: { key } }],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_1', content: 'ok' },
          { type: 'text', text: `prompt with key ${key}` },
        ],
      },
    ],
  });
  return { body, headers: { 'content-type': 'application/json', 'x-note': `note ${key}` } };
}

/** Runs one request through a tap to an upstream that echoes the key, and gives every file and log line. */
async function tapOnce(credential: Record<string, string>, key: string): Promise<string[]> {
  const upstream = await serveKeyEcho('stream');
  const logs: string[] = [];
  const tap = await testTap(upstream.url, state.dir, logs);
  try {
    const { body, headers } = requestWith(key);
    const answer = await rawExchange(`${tap.url}/v1/messages`, body, { ...headers, ...credential });
    expect(answer.status).toBe(200);
    // As resume rebuilds it: a key split across deltas is whole again here.
    const cells = await tappedCells(tap, state.dir, 1);
    expect(JSON.stringify(cells)).not.toContain(key);
  } finally {
    await tap.close();
    await upstream.close();
  }
  return [...everyFile(state.dir), logs.join('\n')];
}

it('a key in the prompt, the system prompt, a tool input and a header gets into no file', async () => {
  const texts = await tapOnce({ 'x-api-key': PLANTED_KEY }, PLANTED_KEY);
  expect(texts.length).toBeGreaterThan(1);
  for (const text of texts) expect(leaks(text, PLANTED_KEY)).toEqual([]);
  // The prompt is filed, with the key hidden, not dropped.
  expect(texts.join('\n')).toContain('prompt with key [redacted]');
});

/** Every run of a short key: it is hidden whole, as no 20-character piece of it exists. */
const exact = (text: string, key: string) => (text.includes(key) ? [key] : []);

it.each<[string, Record<string, string>, string]>([
  ['a short x-api-key', { 'x-api-key': 'tinykey12345' }, 'tinykey12345'],
  ['a short bearer token', { authorization: 'Bearer tinykey12345' }, 'tinykey12345'],
  ['a Basic credential', { authorization: 'Basic dXNlcjpwYXNzd29yZA==' }, 'dXNlcjpwYXNzd29yZA=='],
  ['a token of another scheme', { authorization: `Token ${PLANTED_KEY}` }, PLANTED_KEY],
  ['a proxy-authorization token', { 'proxy-authorization': `Bearer ${PLANTED_KEY}` }, PLANTED_KEY],
])('%s gets into no file', async (_, credential, key) => {
  const texts = await tapOnce(credential, key);
  for (const text of texts) {
    expect(leaks(text, key)).toEqual([]);
    expect(exact(text, key)).toEqual([]);
  }
  expect(texts.join('\n')).toContain('prompt with key [redacted]');
});
