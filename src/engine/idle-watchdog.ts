import { durationText, EndingError } from './ending-error.js';

/** How long a turn waits for a byte unless told otherwise (--idle-timeout). */
export const DEFAULT_IDLE_TIMEOUT_MS = 60_000;

/** No byte arrived for the idle timeout: the turn ends, and what came so far is kept. */
export class StallError extends EndingError {
  constructor(idleMs: number) {
    super({ kind: 'timeout', message: `the stream stalled: no data for ${durationText(idleMs)}` });
    this.name = 'StallError';
  }
}

/**
 * Times the waits for the network within one HTTP attempt: for the headers, then for each
 * chunk of the body. Any byte (a ping too) disarms it; a wait longer than `idleMs` calls
 * `onStall` once. An `idleMs` of 0 turns it off.
 */
export class IdleWatchdog {
  readonly #idleMs: number;
  readonly #onStall: (error: StallError) => void;
  #timer: NodeJS.Timeout | undefined;
  #fired = false;

  constructor(idleMs: number, onStall: (error: StallError) => void) {
    this.#idleMs = idleMs;
    this.#onStall = onStall;
  }

  /** Starts (or restarts) the clock on a wait for data. */
  arm(): void {
    if (this.#idleMs <= 0 || this.#fired) return;
    clearTimeout(this.#timer);
    // Not unref'd: in print mode this timer may be the one thing keeping a stalled turn alive,
    // and an unref'd one would let the process exit 0 with the turn unfinished.
    this.#timer = setTimeout(() => {
      this.#fired = true;
      this.#onStall(new StallError(this.#idleMs));
    }, this.#idleMs);
  }

  disarm(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
