/**
 * The most the SDK is handed at once. Everything a slice holds is parsed, accumulated, saved
 * and stored in one go, before the event loop turns again; 16 KiB of the smallest deltas is a
 * few milliseconds of that.
 */
export const SLICE_BYTES = 16 * 1024;

/** How long the stream may hold the event loop before it lets keys and signals in: a frame. */
export const YIELD_AFTER_MS = 16;

/** How long since the event loop last turned, as far as one stream's reads can tell. */
class BusyClock {
  #since = performance.now();
  #watching = false;

  longerThan(ms: number): boolean {
    const now = performance.now();
    // Once the loop turns (this immediate runs), the stream has not held it since.
    if (!this.#watching) {
      this.#watching = true;
      setImmediate(() => {
        this.#watching = false;
        this.#since = performance.now();
      });
    }
    return now - this.#since >= ms;
  }
}

/** What reads the bytes as they pass: SseReader, or one that also notes when each chunk came. */
export interface BodyReader {
  push(chunk: Uint8Array): void;
  end(): void;
}

/** How the tap's reading of one body ended: `failure` says why, when it did not end whole. */
export type BodyEnd = (failure?: unknown) => void;

/** The reader of a tapped body stopped before its end: the tap did not see all of it. */
export class BodyLeftError extends Error {
  constructor() {
    super('the body was left before its end');
    this.name = 'BodyLeftError';
  }
}

/**
 * The body the SDK reads, handing each chunk to `events` as it passes: the bytes are read once,
 * where a clone would queue every chunk twice and parse it again on a branch of its own. The
 * tap ends with the body, with an error of it, when its reader cancels it (the SDK stopping on
 * an error event, or interrupted), or when `signal` aborts (the turn is over) even if nobody
 * reads; a cancel goes on to `source`. A failure of the tap's own is reported and the bytes
 * still pass.
 */
export function tappedBody(
  source: ReadableStream<Uint8Array>,
  events: BodyReader,
  end: BodyEnd,
  signal?: AbortSignal,
): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let reading = true;
  let settled = false;
  /** What is left of a read larger than a slice. */
  let rest: Uint8Array | null = null;
  const busy = new BusyClock();
  let controller: ReadableStreamDefaultController<Uint8Array>;
  const stop = (failure?: unknown) => {
    if (!reading) return;
    reading = false;
    signal?.removeEventListener('abort', abort);
    end(failure);
  };
  // Nobody may be reading to see the guard's body fail: end the tap, and any read to come.
  const abort = () => {
    stop(signal?.reason);
    if (!settled) controller.error(signal?.reason);
    settled = true;
    reader.cancel(signal?.reason).catch(() => {});
  };
  if (signal?.aborted) queueMicrotask(abort);
  else signal?.addEventListener('abort', abort, { once: true });
  return new ReadableStream<Uint8Array>({
    start(own) {
      controller = own;
    },
    async pull(own) {
      let chunk: Uint8Array;
      if (busy.longerThan(YIELD_AFTER_MS)) {
        // Keys and signals are read between slices once the stream has held the event loop for
        // a frame's time: a 256 KiB read of small deltas, gone through in one go by the SDK,
        // the tap, the store and the session file, kept Esc waiting 120-240 ms (bench
        // interrupt.esc_ms, median about 200 ms, now about 90). Not after every slice: each turn
        // of the loop may paint a frame, and a zero-delay burst then cost a third more CPU.
        await new Promise((resolve) => setImmediate(resolve));
        if (settled) return;
      }
      if (rest) {
        chunk = rest;
        rest = null;
      } else {
        try {
          const { done, value } = await reader.read();
          if (settled) return;
          if (done) {
            if (reading) ended(events, stop);
            settled = true;
            return own.close();
          }
          chunk = value;
        } catch (error) {
          stop(error);
          if (!settled) own.error(error);
          settled = true;
          return;
        }
      }
      if (chunk.byteLength > SLICE_BYTES) {
        rest = chunk.subarray(SLICE_BYTES);
        chunk = chunk.subarray(0, SLICE_BYTES);
      }
      if (reading) {
        try {
          events.push(chunk);
        } catch (error) {
          stop(error);
        }
      }
      own.enqueue(chunk);
    },
    cancel(reason) {
      settled = true;
      stop(reason ?? new BodyLeftError());
      return reader.cancel(reason);
    },
  });
}

/** Reads a body no one else reads (a copy), to its end or its first failure. */
export async function readBody(source: ReadableStream<Uint8Array>, events: BodyReader, end: BodyEnd) {
  const reader = source.getReader();
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) events.push(read.value);
  } catch (error) {
    end(error);
    reader.cancel(error).catch(() => {});
    return;
  }
  ended(events, end);
}

function ended(events: BodyReader, end: BodyEnd): void {
  try {
    events.end();
  } catch (error) {
    end(error);
    return;
  }
  end();
}
