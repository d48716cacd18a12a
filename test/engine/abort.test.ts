import { describe, expect, it } from 'vitest';
import { startOfflineServer } from '../../src/offline/server.js';
import { clientFor, collectTurn } from '../support/turns.js';

describe.each(['helper', 'raw'] as const)('abort (%s)', (mode) => {
  it('stops the network read before the stream ends and keeps the partial message, marked interrupted', async () => {
    const server = await startOfflineServer({ pace: { deltasPerSecond: 200 }, scenario: 'long:400' });
    try {
      const abort = new AbortController();
      let texts = 0;
      let abortedAt = 0;
      const result = await collectTurn(clientFor(server.url), mode, {
        signal: abort.signal,
        onUpdate: (u) => {
          if (u.type === 'text' && ++texts === 10) {
            abortedAt = performance.now();
            abort.abort();
          }
        },
      });
      expect(abortedAt).toBeGreaterThan(0);
      expect(result.outcome.status).toBe('interrupted');
      expect(result.outcome.error).toBeUndefined();
      const partial = result.outcome.message?.content[0];
      expect(partial?.type).toBe('text');
      expect((partial as { text: string }).text.length).toBeGreaterThan(0);
      expect(result.text.startsWith((partial as { text: string }).text.slice(0, 5))).toBe(true);
      // The read stopped before the stream's end (400 deltas at 200/s). How soon is a time,
      // and times belong to the bench (`interrupt`), not to a test on a loaded machine.
      expect(result.counts.content_block_delta ?? 0).toBeLessThan(400);
    } finally {
      await server.close();
    }
  });
});
