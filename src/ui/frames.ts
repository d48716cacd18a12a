import type { SessionState } from '../store/session-state.js';
import type { SessionStore, Urgency } from '../store/session-store.js';

/** The frame interval: the view hears of stream changes at most this often. */
export const FRAME_MS = 16;
/**
 * Ink's own throttle, set so it does not pace a second time: Frames already paces the stream,
 * and an immediate change (a key, a turn's end) is meant to be drawn at once. At 120 a second
 * Ink held a commit that came within 9 ms of the last to its trailing edge, merged with the
 * next: a key's echo waited, and the bench saw two React renders for one frame written.
 */
export const INK_MAX_FPS = 1000;

/**
 * Paces the view's reads of the store. Batched changes (the stream's) reach the view at most
 * once per frame; an immediate one (a keypress) at once, so typing never waits for a frame.
 * Views read it through useSyncExternalStore.
 *
 * The cadence is steady, with a leading edge: a change after a quiet frame is shown on the
 * next turn of the event loop (after the rest of the network chunk is applied), later ones at
 * the frame's end, FRAME_MS after the last frame began. So a delta waits at most one frame.
 * The interval does not follow what a frame costs: a slower cadence on a slow frame made
 * every delta wait for it (p99 delta to screen 55 ms at a measured 37 ms interval).
 */
export class Frames {
  readonly #store: SessionStore;
  readonly #listeners = new Set<() => void>();
  #unsubscribe: (() => void) | undefined;
  #timer: NodeJS.Timeout | undefined;
  #lastNotify = Number.NEGATIVE_INFINITY;
  /** The frame interval, in ms. */
  readonly frameMs: number;
  /** How many times the view was told; the benchmark compares it with the deltas. */
  notifications = 0;

  constructor(store: SessionStore, frameMs = FRAME_MS) {
    this.#store = store;
    this.frameMs = frameMs;
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
      Math.max(0, this.#lastNotify + this.frameMs - performance.now()),
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
