import { useStdout } from 'ink';
import { useEffect } from 'react';

/**
 * After `fg` the alternate screen comes back blank, and Ink, which only writes a frame that
 * changed, would leave it so. Writing nothing through Ink makes it clear its idea of the
 * screen and draw the last frame whole.
 */
export function useResumeRepaint(): void {
  const { write } = useStdout();
  useEffect(() => {
    const repaint = () => write('');
    process.on('SIGCONT', repaint);
    return () => {
      process.off('SIGCONT', repaint);
    };
  }, [write]);
}
