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
 * each frame (its synchronized update, escapes included) that shows a new delta while one
 * line grows a character at a time, median and p90, on the screen as it opens (the timeline
 * beside the reply, `bytes_per_char_delta`) and with the timeline hidden (`…_reply_only`).
 * While events come, the timeline's tail jumps half a pane when it reaches the pane's foot,
 * so most frames add a row and one in half a pane's events moves them all: the mean says so.
 */
export async function charDelta(tui: Tui): Promise<Record<string, number>> {
  const shown = await perDelta(tui, []);
  const replyOnly = await perDelta(tui, ['--timeline', 'off']);
  return {
    bytes_per_char_delta: percentile(shown.bytes, 50),
    bytes_per_char_delta_p90: percentile(shown.bytes, 90),
    bytes_per_char_delta_mean: Math.round(mean(shown.bytes)),
    bytes_per_char_delta_reply_only: percentile(replyOnly.bytes, 50),
    bytes_per_char_delta_reply_only_p90: percentile(replyOnly.bytes, 90),
    char_delta_frames: shown.bytes.length,
    char_delta_full_clears: shown.fullClears + replyOnly.fullClears,
  };
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

async function perDelta(tui: Tui, extra: string[]): Promise<{ bytes: number[]; fullClears: number }> {
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
    const run = await tui(['--url', server.url, '--max-tokens', '64000', '--frame-times', 'on', ...extra]);
    // Event 2 is the first delta (after message_start and content_block_start). Only frames
    // that show a new delta count: a frame for something else (a clock) is not a delta's.
    const steady = run.frameTimes.filter(
      (f, i) =>
        f.events > 2 + WARM_DELTAS &&
        f.events <= lastEvent &&
        f.events > (run.frameTimes[i - 1]?.events ?? 0),
    );
    return { bytes: steady.map((f) => f.bytes), fullClears: run.fullClears };
  } finally {
    await server.close();
  }
}
