import { useEffect } from 'react';
import type { Session } from '../../session/session.js';
import type { Toast } from '../../store/session-state.js';

const TOAST_MS = 5000;

/** Clears a toast a few seconds after it appears. */
export function useToastTimeout(session: Session, toast: Toast | null): void {
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => session.dismissToast(toast.id), TOAST_MS);
    return () => clearTimeout(timer);
  }, [session, toast]);
}
