import { serveLongLine } from '../test/support/long-line-server.js';
import { percentile } from './report.js';
import type { FrameTime } from './terminal-meter.js';

type Tui = (args: string[]) => Promise<{ frameTimes: FrameTime[]; fullClears: number }>;

const DELTAS = 200;
/** Slower than a steady frame (16-40 ms here), so each frame carries about one delta. */
const INTERVAL_MS = 50;
/** The first frames of a reply add its cell (a taller frame); steady streaming comes after. */
const WARM_DELTAS = 20;

/**
 * What a one-character delta costs on the wire once a reply streams steadily: the bytes of
 * each frame (its synchronized update, escapes included) while one line grows a character
 * at a time, median and p90 (`bytes_per_char_delta`, `bytes_per_char_delta_p90`).
 */
export async function charDelta(tui: Tui): Promise<Record<string, number>> {
  let lastEvent = 0;
  const server = await serveLongLine({
    chars: DELTAS,
    perDelta: 1,
    intervalMs: INTERVAL_MS,
    end: true,
    onLastDelta: (eventIndex) => {
      lastEvent = eventIndex;
    },
  });
  try {
    const run = await tui(['--url', server.url, '--max-tokens', '64000', '--frame-times', 'on']);
    // Event 2 is the first delta (after message_start and content_block_start).
    // Only frames that show a new delta: a frame for something else (a clock) is not a delta's.
    const steady = run.frameTimes.filter(
      (f, i) =>
        f.events > 2 + WARM_DELTAS &&
        f.events <= lastEvent &&
        f.events > (run.frameTimes[i - 1]?.events ?? 0),
    );
    const bytes = steady.map((f) => f.bytes);
    return {
      bytes_per_char_delta: percentile(bytes, 50),
      bytes_per_char_delta_p90: percentile(bytes, 90),
      char_delta_frames: steady.length,
      char_delta_full_clears: run.fullClears,
    };
  } finally {
    await server.close();
  }
}
