import type { SessionState } from './session-state.js';

type Listener = () => void;

/** A frame may cost at most half of its interval. */
const FRAME_COST_FACTOR = 2;
/** Even a slow terminal shows progress ten times a second. */
const MAX_FRAME_MS = 100;

/**
 * The session's state, outside React. Streaming changes it thousands of times a second, so
 * listeners hear about stream changes at most once per frame; a keypress notifies at once,
 * so typing never waits for a frame. Views read it through useSyncExternalStore.
 *
 * The cadence is leading-edge: a change after a quiet frame is shown on the next turn of the
 * event loop (after the rest of the network chunk is applied), later ones wait for the
 * frame's end. So a delta waits at most one frame, never two.
 *
 * The frame interval adapts to what a frame costs (the view reports it): a screen whose
 * frame takes 12 ms is drawn at most every 24 ms, so drawing never takes more than about half
 * of a core, however fast the stream. Cheap frames go at the base rate.
 */
export class SessionStore {
  #state: SessionState;
  readonly #listeners = new Set<Listener>();
  #timer: NodeJS.Timeout | undefined;
  #lastNotify = Number.NEGATIVE_INFINITY;
  readonly #baseFrameMs: number;
  #frameMs: number;
  /** How many times listeners were told; the benchmark compares it with the deltas. */
  notifications = 0;

  constructor(state: SessionState, options: { frameMs?: number } = {}) {
    this.#state = state;
    this.#baseFrameMs = options.frameMs ?? 16;
    this.#frameMs = this.#baseFrameMs;
  }

  /** The frame interval in use now, in ms. */
  get frameMs(): number {
    return this.#frameMs;
  }

  /** The view says what its last frame cost; the interval follows, smoothed. */
  reportFrameCost(ms: number): void {
    const wanted = Math.min(MAX_FRAME_MS, Math.max(this.#baseFrameMs, ms * FRAME_COST_FACTOR));
    this.#frameMs += (wanted - this.#frameMs) * 0.3;
  }

  readonly getSnapshot = (): SessionState => this.#state;

  readonly subscribe = (listener: Listener): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** A change from the stream: shown with the next frame. */
  update(change: (state: SessionState) => SessionState): void {
    this.#state = change(this.#state);
    this.#timer ??= setTimeout(
      this.#notify,
      Math.max(0, this.#lastNotify + this.#frameMs - performance.now()),
    );
  }

  /** A change from the user: shown now. */
  updateNow(change: (state: SessionState) => SessionState): void {
    this.#state = change(this.#state);
    this.#notify();
  }

  readonly #notify = (): void => {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#lastNotify = performance.now();
    this.notifications++;
    for (const listener of this.#listeners) listener();
  };
}
