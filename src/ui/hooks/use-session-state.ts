import { useSyncExternalStore } from 'react';
import type { SessionState } from '../../store/session-state.js';
import type { Frames } from '../frames.js';

/** The session's state, re-read when the frames say (at most once a frame while streaming). */
export function useSessionState(frames: Frames): SessionState {
  return useSyncExternalStore(frames.subscribe, frames.getSnapshot);
}
