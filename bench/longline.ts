import { serveLongLine } from '../test/support/long-line-server.js';
import type { FrameTime } from './terminal-meter.js';

type Tui = (
  args: string[],
) => Promise<{ frameTimes: FrameTime[]; cpuMs: number; frames: number; reactMs: number; commits: number }>;

const KIB = 1024;
const PER_DELTA = 128;

/**
 * One 256 KiB line with no space, in 128-character deltas: the time from the last delta
 * leaving the server to the first frame that shows it (`longline_256kib_ms`), and the same
 * for 1 MiB (`longline_1mib_ms`). Wrapping that re-read the whole open line on every frame
 * made this minutes.
 */
export async function longline(tui: Tui): Promise<Record<string, number>> {
  const small = await oneLine(tui, 256 * KIB);
  const { longline_ms: mib } = await oneLine(tui, 1024 * KIB);
  const { longline_ms, ...rest } = small;
  return { longline_256kib_ms: longline_ms ?? Number.NaN, longline_1mib_ms: mib ?? Number.NaN, ...rest };
}

async function oneLine(tui: Tui, chars: number): Promise<Record<string, number>> {
  let written = 0;
  let lastEvent = 0;
  const server = await serveLongLine({
    chars,
    perDelta: PER_DELTA,
    end: true,
    // The frame that shows the last delta comes while the turn still streams, so the
    // measure is of streaming frames, not of the final one.
    holdMs: 1000,
    onLastDelta: (eventIndex) => {
      written = performance.timeOrigin + performance.now();
      lastEvent = eventIndex;
    },
  });
  try {
    const run = await tui(['--url', server.url, '--max-tokens', '64000', '--frame-times', 'on']);
    const shown = run.frameTimes.find((frame) => frame.events > lastEvent);
    return {
      longline_ms: shown ? Math.round(shown.t - written) : Number.NaN,
      cpu_ms: Math.round(run.cpuMs),
      // A frame's cost while the line streams: what wrapping the open line used to make grow.
      frame_ms: Math.round((run.reactMs / Math.max(1, run.commits)) * 10) / 10,
      frames: run.frames,
      deltas: Math.ceil(chars / PER_DELTA),
    };
  } finally {
    await server.close();
  }
}
