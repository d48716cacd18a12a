import { between, type Random } from './random.js';

/**
 * How fast the offline server answers. `realistic` imitates the API's latency and token rate,
 * `none` sends as fast as the socket takes it, and `deltasPerSecond` gives an even rate for benchmarks.
 */
export type Pace = 'realistic' | 'none' | { deltasPerSecond: number };

/** When each event of one response is due, in ms after its request arrived; null means "now". */
export interface Schedule {
  dueAt(event: string | null): number | null;
}

export function createSchedule(pace: Pace, random: Random): Schedule {
  if (pace === 'none') return { dueAt: () => null };
  if (pace === 'realistic') return realisticSchedule(random);
  return evenSchedule(pace.deltasPerSecond);
}

/** How long a rate-limited client is told to wait: short when pacing is off so tests stay fast. */
export function retryAfterMs(pace: Pace): number {
  return pace === 'realistic' ? 1000 : 20;
}

function realisticSchedule(random: Random): Schedule {
  const startAt = between(100, 250, random);
  const firstDeltaAt = between(300, 800, random);
  const msPerToken = 1000 / between(30, 80, random);
  let last = 0;
  let deltas = 0;
  return {
    dueAt(event) {
      if (event === 'message_start') {
        last = Math.max(last, startAt);
      } else if (event === 'content_block_delta') {
        last = deltas === 0 ? Math.max(last, firstDeltaAt) : last + msPerToken * between(0.6, 1.4, random);
        deltas++;
      }
      // Everything else rides along right after the event before it, as on the real wire.
      return last;
    },
  };
}

function evenSchedule(deltasPerSecond: number): Schedule {
  const interval = 1000 / deltasPerSecond;
  let last = 0;
  return {
    dueAt(event) {
      if (event === 'content_block_delta') last += interval;
      return last;
    },
  };
}
