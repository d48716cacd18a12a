import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep, setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Schedule } from './pace.js';
import { formatSse, type SseEvent } from './sse.js';
import type { SteppedStream } from './step-gate.js';

// Without timers a long stream would never let the event loop breathe; this bounds the stall.
const EVENTS_BETWEEN_YIELDS = 64;

export interface WriteOptions {
  schedule: Schedule;
  /** performance.now() when the request arrived; the schedule counts from there. */
  startedAt: number;
  /**
   * How the response ends after its last event: cleanly, with the socket destroyed, or held
   * open until the client goes (a replayed stream whose recording never saw its end).
   */
  ending: 'end' | 'destroy' | 'hold';
  onWritten?: ((event: string | null) => void) | undefined;
  /** Step mode: each event waits for its release instead of its time (see step-gate.ts). */
  stepped?: SteppedStream | null | undefined;
}

// A stepped stream may wait on a person for minutes; a comment line now and then is a byte
// the client's idle timeout sees, and no event (SSE ignores lines that start with a colon).
const KEEP_ALIVE_MS = 15_000;

/**
 * Writes events to an SSE response at the schedule's pace, honouring backpressure, and stops
 * at once when the client goes away.
 */
export async function writeEvents(
  res: ServerResponse,
  events: Iterable<SseEvent>,
  options: WriteOptions,
): Promise<void> {
  const gone = new AbortController();
  const onClose = () => gone.abort();
  res.once('close', onClose);
  try {
    const iterator = events[Symbol.iterator]();
    let sinceYield = 0;
    for (let current = iterator.next(); !current.done; ) {
      const { event, data } = current.value;
      // A stepped event waits for its press, not its time.
      const due = options.stepped ? null : options.schedule.dueAt(event);
      const wait = due === null ? 0 : options.startedAt + due - performance.now();
      if (options.stepped) {
        await released(res, options.stepped.next(current.value, gone.signal));
        sinceYield = 0;
      } else if (wait > 0) {
        await sleep(wait, undefined, { signal: gone.signal });
        sinceYield = 0;
      } else if (++sinceYield >= EVENTS_BETWEEN_YIELDS) {
        await yieldToLoop(undefined, { signal: gone.signal });
        sinceYield = 0;
      }
      if (gone.signal.aborted) return;
      // Looking one event ahead tells us which write is the last, so a drop can wait for it to flush.
      current = iterator.next();
      if (current.done && options.ending === 'destroy') {
        res.write(formatSse(event, data), () => res.destroy());
        return;
      }
      const flowing = res.write(formatSse(event, data));
      options.onWritten?.(event);
      if (!flowing) await once(res, 'drain', { signal: gone.signal });
    }
    if (options.ending === 'destroy') res.destroy();
    else if (options.ending === 'end') res.end();
    else if (!gone.signal.aborted) await once(res, 'close');
  } catch (error) {
    if (!gone.signal.aborted) throw error;
  } finally {
    res.off('close', onClose);
    options.stepped?.end();
  }
}

async function released(res: ServerResponse, release: Promise<void>): Promise<void> {
  const keepAlive = setInterval(() => res.write(':\n'), KEEP_ALIVE_MS);
  try {
    await release;
  } finally {
    clearInterval(keepAlive);
  }
}
