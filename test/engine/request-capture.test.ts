import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/engine/client.js';
import { REDACTED } from '../../src/engine/redact.js';
import { requestParams } from '../../src/engine/turn.js';
import type { HttpAttempt, TurnUpdate } from '../../src/engine/types.js';
import { PLANTED_KEY as KEY, leaks } from '../support/key-echo-server.js';
import { withOfflineServer } from '../support/offline.js';
import { collectTurn, SETTINGS } from '../support/turns.js';

function attempts(updates: TurnUpdate[]): HttpAttempt[] {
  return updates.flatMap((u) => (u.type === 'attempt' || u.type === 'response' ? [u.attempt] : []));
}

function header(attempt: HttpAttempt | undefined, name: string): string | undefined {
  return attempt?.request?.headers.find(([n]) => n === name)?.[1];
}

describe('the request each attempt sent', () => {
  it('is captured with its method, URL, headers and the exact JSON body, the key hidden', async () => {
    await withOfflineServer({}, async (server) => {
      const client = createClient({ apiKey: KEY, baseURL: server.url, maxRetries: 0 });
      const { updates } = await collectTurn(client, 'raw', { prompt: 'Hello there' });
      const [sent, answered] = attempts(updates);
      expect(sent?.request?.method).toBe('POST');
      expect(sent?.request?.url).toBe(`${server.url}/v1/messages`);
      // The SDK sends the key as x-api-key or as a bearer token, depending on its version.
      const credentials = sent?.request?.headers.filter(([n]) => n === 'x-api-key' || n === 'authorization');
      expect(credentials?.length).toBeGreaterThan(0);
      for (const [, value] of credentials ?? []) expect(value).toBe(REDACTED);
      expect(header(sent, 'content-type')).toBe('application/json');
      expect(header(sent, 'anthropic-version')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const body = JSON.parse(sent?.request?.body ?? '');
      expect(body).toEqual({
        ...requestParams([{ role: 'user', content: 'Hello there' }], { ...SETTINGS, mode: 'raw' }),
        stream: true,
      });
      expect(answered?.responseHeaders).toContainEqual(['content-type', 'text/event-stream']);
      expect(answered?.responseHeaders).toContainEqual(['request-id', answered?.requestId]);
      // The response update carries the same request, not a copy of its body.
      expect(answered?.request).toBe(sent?.request);
      expect(leaks(JSON.stringify(attempts(updates)), KEY)).toEqual([]);
    });
  });

  it('hides a key the user pasted into the prompt and changes nothing else', async () => {
    await withOfflineServer({}, async (server) => {
      const client = createClient({ apiKey: KEY, baseURL: server.url, maxRetries: 0 });
      const prompt = `my key is ${KEY}, ok? "quotes" \\ and ünïcode`;
      const { updates } = await collectTurn(client, 'helper', { prompt });
      const body = JSON.parse(attempts(updates)[0]?.request?.body ?? '');
      expect(body.messages).toEqual([
        { role: 'user', content: `my key is ${REDACTED}, ok? "quotes" \\ and ünïcode` },
      ]);
    });
  });

  it('hides nothing offline, where there is no key', async () => {
    await withOfflineServer({}, async (server) => {
      const client = createClient({ apiKey: null, authToken: 'offline-token', baseURL: server.url });
      const { updates } = await collectTurn(client, 'helper');
      expect(header(attempts(updates)[0], 'authorization')).toBe('Bearer offline-token');
    });
  });

  it('is kept per attempt, one body string shared by the retries', async () => {
    await withOfflineServer({ scenario: 'overloaded-529' }, async (server) => {
      const client = createClient({ apiKey: KEY, baseURL: server.url, maxRetries: 2 });
      const { updates } = await collectTurn(client, 'helper');
      const all = attempts(updates);
      const first = all.find((a) => a.attempt === 0)?.request;
      const retry = all.find((a) => a.attempt === 1)?.request;
      expect(
        header(
          all.find((a) => a.attempt === 1),
          'x-stainless-retry-count',
        ),
      ).toBe('1');
      expect(retry?.body).toBe(first?.body);
      expect(JSON.parse(retry?.body ?? '').messages).toHaveLength(1);
    });
  });
});
