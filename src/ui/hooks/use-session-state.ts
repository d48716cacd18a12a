import { useSyncExternalStore } from 'react';
import type { SessionState } from '../../store/session-state.js';
import type { SessionStore } from '../../store/session-store.js';

/** The session's state, re-read when the store says it changed (at most once a frame while streaming). */
export function useSessionState(store: SessionStore): SessionState {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
