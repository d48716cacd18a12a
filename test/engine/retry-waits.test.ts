import { describe, expect, it } from 'vitest';
import type { RetryWait } from '../../src/engine/types.js';
import { type HostileMode, serveHostile } from '../support/hostile-server.js';
import { clientFor, collectTurn } from '../support/turns.js';

const status = (code: number, headers: Record<string, string>): HostileMode => ({
  kind: 'status',
  status: code,
  headers,
});

describe.each(['helper', 'raw'] as const)('retry waits (%s)', (mode) => {
  it.each([
    [429, { 'retry-after': '86400' }, 'rate limited: the API asks to wait 24 h'],
    [529, { 'retry-after': '300' }, 'overloaded: the API asks to wait 5 min'],
    [503, { 'retry-after-ms': '90000' }, 'HTTP 503: the API asks to wait 1.5 min'],
  ])(
    'a %i asking for more than 60 s fails the turn at once, naming the wait',
    async (code, headers, message) => {
      const server = await serveHostile([status(code, headers), { kind: 'ok' }]);
      try {
        const { outcome, updates } = await collectTurn(clientFor(server.url, 2), mode);
        expect(outcome.status).toBe('failed');
        expect(outcome.error).toMatchObject({ kind: 'timeout', status: code, message });
        expect(server.requests()).toBe(1);
        expect(updates.some((u) => u.type === 'retry_wait')).toBe(false);
        const response = updates.find((u) => u.type === 'response');
        expect(response?.type === 'response' && response.attempt.status).toBe(code);
      } finally {
        await server.close();
      }
    },
  );

  it('announces each wait it sits out, then the retry answers', async () => {
    const server = await serveHostile([
      status(429, { 'retry-after-ms': '50' }),
      status(529, {}),
      { kind: 'ok' },
    ]);
    try {
      const { outcome, updates } = await collectTurn(clientFor(server.url, 2), mode);
      expect(outcome.status).toBe('complete');
      const waits = updates.flatMap((u) => (u.type === 'retry_wait' ? [u.wait] : []));
      expect(waits).toHaveLength(2);
      expect(waits[0]).toMatchObject({ attempt: 2, attempts: 3, waitMs: 50 });
      // No retry-after: the SDK's backoff for the second retry, 0.75 to 1 s, as announced.
      expect(waits[1]).toMatchObject({ attempt: 3, attempts: 3 });
      expect((waits[1] as RetryWait).waitMs).toBeGreaterThanOrEqual(750);
      expect((waits[1] as RetryWait).waitMs).toBeLessThanOrEqual(1000);
      // Each wait comes after the response that asked for it, and before the next attempt.
      const kinds = updates
        .filter((u) => u.type === 'attempt' || u.type === 'response' || u.type === 'retry_wait')
        .map((u) => u.type);
      expect(kinds).toEqual([
        ...['attempt', 'response', 'retry_wait'],
        ...['attempt', 'response', 'retry_wait'],
        ...['attempt', 'response'],
      ]);
    } finally {
      await server.close();
    }
  });

  it('an abort during the wait ends the turn as interrupted, with no further attempt', async () => {
    const server = await serveHostile([status(429, { 'retry-after': '30' }), { kind: 'ok' }]);
    try {
      const abort = new AbortController();
      const { outcome } = await collectTurn(clientFor(server.url, 2), mode, {
        signal: abort.signal,
        onUpdate: (u) => {
          if (u.type === 'retry_wait') abort.abort();
        },
      });
      expect(outcome.status).toBe('interrupted');
      expect(server.requests()).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('with retries off, a long retry-after is the plain HTTP error', async () => {
    const server = await serveHostile([status(429, { 'retry-after': '86400' })]);
    try {
      const { outcome } = await collectTurn(clientFor(server.url, 0), mode);
      expect(outcome.error).toMatchObject({ kind: 'http', status: 429 });
    } finally {
      await server.close();
    }
  });
});
