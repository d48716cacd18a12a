import type { SessionState } from './session-state.js';

type Listener = () => void;

/**
 * The session's state, outside React. Streaming changes it thousands of times a second, so
 * listeners hear about stream changes at most once per frame; a keypress notifies at once,
 * so typing never waits for a frame. Views read it through useSyncExternalStore.
 */
export class SessionStore {
  #state: SessionState;
  readonly #listeners = new Set<Listener>();
  #timer: NodeJS.Timeout | undefined;
  readonly #frameMs: number;
  /** How many times listeners were told; the benchmark compares it with the deltas. */
  notifications = 0;

  constructor(state: SessionState, options: { frameMs?: number } = {}) {
    this.#state = state;
    this.#frameMs = options.frameMs ?? 16;
  }

  readonly getSnapshot = (): SessionState => this.#state;

  readonly subscribe = (listener: Listener): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** A change from the stream: shown with the next frame. */
  update(change: (state: SessionState) => SessionState): void {
    this.#state = change(this.#state);
    this.#timer ??= setTimeout(this.#notify, this.#frameMs);
  }

  /** A change from the user: shown now. */
  updateNow(change: (state: SessionState) => SessionState): void {
    this.#state = change(this.#state);
    this.#notify();
  }

  readonly #notify = (): void => {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.notifications++;
    for (const listener of this.#listeners) listener();
  };
}
