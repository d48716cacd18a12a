import type { SessionState } from './session-state.js';

/**
 * How soon a change must be seen. A stream makes thousands of small changes a second, and a
 * view may show them together; a keypress, a command or a turn's end is shown at once.
 */
export type Urgency = 'batched' | 'immediate';

export type StoreListener = (urgency: Urgency) => void;

/**
 * The session's state, outside React: one value, replaced by pure updates, and the listeners
 * told of each change and how soon it must be seen. How often a view paints is the view's
 * business (ui/frames.ts).
 */
export class SessionStore {
  #state: SessionState;
  readonly #listeners = new Set<StoreListener>();

  constructor(state: SessionState) {
    this.#state = state;
  }

  readonly getSnapshot = (): SessionState => this.#state;

  readonly subscribe = (listener: StoreListener): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  update(change: (state: SessionState) => SessionState, urgency: Urgency = 'immediate'): void {
    this.#state = change(this.#state);
    for (const listener of this.#listeners) listener(urgency);
  }
}
