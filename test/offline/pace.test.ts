import { describe, expect, it } from 'vitest';
import { createSchedule } from '../../src/offline/pace.js';
import { seededRandom } from '../../src/offline/random.js';
import { params, post, sdkFor, withOfflineServer } from '../support/offline.js';

describe('pacing', () => {
  it('realistic: the first text delta lands no sooner than 250 ms after the request', async () => {
    await withOfflineServer({ pace: 'realistic' }, async (server) => {
      const started = performance.now();
      const stream = sdkFor(server).messages.stream(params('hello', { max_tokens: 3 }));
      const firstText = await new Promise<number>((resolve) =>
        stream.once('text', () => resolve(performance.now())),
      );
      await stream.finalMessage();
      // Only the floor is a fact over HTTP; how late it may come is the schedule's, tested below
      // without a clock, since a loaded machine adds its own delay.
      expect(firstText - started).toBeGreaterThanOrEqual(250);
    });
  });

  it('realistic: message_start first, then the first delta, then 30 to 80 tokens a second with jitter', () => {
    const schedule = createSchedule('realistic', seededRandom(7));
    const start = schedule.dueAt('message_start') ?? Number.NaN;
    expect(start).toBeGreaterThanOrEqual(100);
    expect(start).toBeLessThanOrEqual(250);
    expect(schedule.dueAt('content_block_start')).toBe(start);
    const deltas = Array.from({ length: 201 }, () => schedule.dueAt('content_block_delta') ?? Number.NaN);
    expect(deltas[0]).toBeGreaterThanOrEqual(300);
    expect(deltas[0]).toBeLessThanOrEqual(800);
    const gaps = deltas.slice(1).map((t, i) => t - (deltas[i] ?? 0));
    const perSecond = 1000 / (gaps.reduce((a, b) => a + b, 0) / gaps.length);
    expect(perSecond).toBeGreaterThan(25);
    expect(perSecond).toBeLessThan(90);
    expect(new Set(gaps.map((g) => g.toFixed(3))).size).toBeGreaterThan(100);
  });

  it('deltasPerSecond: an even rate', () => {
    const schedule = createSchedule({ deltasPerSecond: 100 }, seededRandom(1));
    expect(schedule.dueAt('message_start')).toBe(0);
    expect([1, 2, 3].map(() => schedule.dueAt('content_block_delta'))).toEqual([10, 20, 30]);
    expect(schedule.dueAt('message_stop')).toBe(30);
  });

  it('none: no timers, yet a 20,000-delta stream leaves the event loop free', async () => {
    expect(createSchedule('none', seededRandom(1)).dueAt('content_block_delta')).toBeNull();
    await withOfflineServer({ scenario: 'long:20000' }, async (server) => {
      let ticks = 0;
      const timer = setInterval(() => ticks++, 1);
      try {
        const body = await (await post(server, { ...params(), max_tokens: 20000, stream: true })).text();
        expect(body.match(/"type":"text_delta"/g)).toHaveLength(20000);
      } finally {
        clearInterval(timer);
      }
      expect(ticks).toBeGreaterThan(5);
    });
  });

  it('refuses a rate that is not a positive number', async () => {
    await expect(withOfflineServer({ pace: { deltasPerSecond: 0 } }, async () => {})).rejects.toThrow(
      RangeError,
    );
  });
});
