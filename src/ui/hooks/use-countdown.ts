import { useEffect, useState } from 'react';

/**
 * Whole seconds left until `until` (ms since the epoch), re-rendering as each second passes;
 * null when there is nothing to count down.
 */
export function useCountdown(until: number | null): number | null {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (until === null) return;
    let timer: NodeJS.Timeout | undefined;
    const tick = () => {
      const current = Date.now();
      setNow(current);
      const left = until - current;
      // Wake at the next whole second of the wait, so the number changes on time.
      if (left > 0) timer = setTimeout(tick, left % 1000 || 1000);
    };
    tick();
    return () => clearTimeout(timer);
  }, [until]);
  return until === null ? null : Math.max(0, Math.ceil((until - now) / 1000));
}
