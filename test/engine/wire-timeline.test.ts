import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startOfflineServer } from '../../src/offline/server.js';
import { fixturePath, serveFixture } from '../support/sse-fixture-server.js';
import { turnOn } from '../support/turns.js';

describe('the wire timeline', () => {
  it.each(['helper', 'raw'] as const)(
    'records every event of a recording in order, pings and unknown types included (%s)',
    async (mode) => {
      const { wire, updates } = await turnOn(await serveFixture('unknown-types'), mode);
      const recorded = readFileSync(fixturePath('unknown-types'), 'utf8')
        .split(/\n\n/)
        .filter((block) => block.trim() !== '');
      expect(wire.map((e) => e.seq)).toEqual(recorded.map((_, i) => i));
      expect(wire.map((e) => `event: ${e.event}\ndata: ${e.data}`)).toEqual(recorded);
      expect(wire.some((e) => e.event === 'ping')).toBe(true);
      expect(wire.reduce((sum, e) => sum + e.bytes, 0)).toBe(
        Buffer.byteLength(readFileSync(fixturePath('unknown-types'))),
      );
      for (let i = 1; i < wire.length; i++) expect(wire[i]?.t).toBeGreaterThanOrEqual(wire[i - 1]?.t ?? 0);
      // Each delta comes after the wire event that carried it.
      const firstText = updates.findIndex((u) => u.type === 'text');
      const firstDeltaOnWire = updates.findIndex(
        (u) => u.type === 'wire' && u.event.event === 'content_block_delta',
      );
      expect(firstDeltaOnWire).toBeGreaterThanOrEqual(0);
      expect(firstText).toBeGreaterThan(firstDeltaOnWire);
    },
  );

  it('shows the attempts of a 529 then a 200', async () => {
    const { updates, outcome } = await turnOn(
      await startOfflineServer({ pace: 'none', scenario: 'overloaded-529' }),
      'helper',
    );
    const responses = updates.flatMap((u) => (u.type === 'response' ? [u.attempt] : []));
    expect(responses.map((a) => [a.attempt, a.status])).toEqual([
      [0, 529],
      [1, 200],
    ]);
    expect(responses[0]?.requestId).toMatch(/^req_/);
    expect(outcome.status).toBe('complete');
    expect(outcome.metrics.attempts).toBe(2);
  });

  it('records retry-after on a 429', async () => {
    const { updates, outcome } = await turnOn(
      await startOfflineServer({ pace: 'none', scenario: 'rate-limit' }),
      'raw',
    );
    const first = updates.find((u) => u.type === 'response');
    expect(first?.type === 'response' && first.attempt.status).toBe(429);
    expect(first?.type === 'response' && first.attempt.retryAfterMs).toBeGreaterThanOrEqual(0);
    expect(outcome.status).toBe('complete');
  });

  it('measures time to first text before the total, with counts per event type', async () => {
    const { outcome, counts } = await turnOn(
      await startOfflineServer({ pace: { deltasPerSecond: 400 }, scenario: 'long:40' }),
      'helper',
    );
    const m = outcome.metrics;
    expect(m.ttftMs).not.toBeNull();
    expect(m.ttfbMs as number).toBeLessThanOrEqual(m.ttftMs as number);
    expect(m.totalMs).toBeGreaterThan((m.ttftMs as number) + 50);
    expect(counts.content_block_delta).toBe(40);
    expect(m.stopReason).toBe('end_turn');
    expect(m.outputTokens).toBeGreaterThan(0);
    expect(m.tokensPerSecond).toBeGreaterThan(0);
  });
});
