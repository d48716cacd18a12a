import type { SessionState } from '../store/session-state.js';
import type { SessionStore, Urgency } from '../store/session-store.js';

/** The base frame interval: the view hears of stream changes at most this often. */
export const FRAME_MS = 16;
/**
 * Ink's own throttle, set above our cadence so it never holds a frame we released; at 60 it
 * would sometimes push a frame to its trailing edge, a second frame of delay.
 */
export const INK_MAX_FPS = 120;
/** A frame may cost at most half of its interval. */
const FRAME_COST_FACTOR = 2;
/** Even a slow terminal shows progress ten times a second. */
const MAX_FRAME_MS = 100;

/**
 * Paces the view's reads of the store. Batched changes (the stream's) reach the view at most
 * once per frame; an immediate one (a keypress) at once, so typing never waits for a frame.
 * Views read it through useSyncExternalStore.
 *
 * The cadence is leading-edge: a change after a quiet frame is shown on the next turn of the
 * event loop (after the rest of the network chunk is applied), later ones wait for the
 * frame's end. So a delta waits at most one frame, never two.
 *
 * The interval adapts to what a frame costs (the view reports it): a screen whose frame
 * takes 12 ms is drawn at most every 24 ms, so drawing never takes more than about half of a
 * core, however fast the stream. Cheap frames go at the base rate.
 */
export class Frames {
  readonly #store: SessionStore;
  readonly #listeners = new Set<() => void>();
  #unsubscribe: (() => void) | undefined;
  #timer: NodeJS.Timeout | undefined;
  #lastNotify = Number.NEGATIVE_INFINITY;
  readonly #baseFrameMs: number;
  #frameMs: number;
  /** How many times the view was told; the benchmark compares it with the deltas. */
  notifications = 0;

  constructor(store: SessionStore, frameMs = FRAME_MS) {
    this.#store = store;
    this.#baseFrameMs = frameMs;
    this.#frameMs = frameMs;
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

  readonly getSnapshot = (): SessionState => this.#store.getSnapshot();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    this.#unsubscribe ??= this.#store.subscribe(this.#changed);
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size > 0) return;
      this.#unsubscribe?.();
      this.#unsubscribe = undefined;
      clearTimeout(this.#timer);
      this.#timer = undefined;
    };
  };

  readonly #changed = (urgency: Urgency): void => {
    if (urgency === 'immediate') {
      this.#notify();
      return;
    }
    this.#timer ??= setTimeout(
      this.#notify,
      Math.max(0, this.#lastNotify + this.#frameMs - performance.now()),
    );
  };

  readonly #notify = (): void => {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#lastNotify = performance.now();
    this.notifications++;
    for (const listener of this.#listeners) listener();
  };
}
