import { useEffect, useReducer } from 'react';
import type { CellLineCache } from '../render/cell-lines.js';

/**
 * Lays out whole, with their Markdown, the cells whose last frame showed them as they streamed
 * (see CellLineCache): after the frame that shows a reply's end has gone out, on the next turn
 * of the event loop. Counts the times it did, for the conversation pane to draw again.
 */
export function useSettledLayouts(cellLines: CellLineCache): number {
  const [settled, bump] = useReducer((count: number) => count + 1, 0);
  // After every commit: the check is a flag, and a frame that ends a reply sets it.
  useEffect(() => {
    if (!cellLines.unsettled) return;
    const timer = setTimeout(() => {
      cellLines.settle();
      bump();
    }, 0);
    return () => clearTimeout(timer);
  });
  return settled;
}
