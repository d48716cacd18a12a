import { useEffect, useReducer } from 'react';
import type { CellLineCache } from '../render/cell-lines.js';

/**
 * Lays out whole, with their Markdown, the cells the pane just showed as they streamed (see
 * CellLineCache's settleLater): once the frame that shows a reply's end has gone out, on the
 * next turn of the event loop, and draws the pane again. Call it after the pane's lines are
 * laid out. The effect runs only when that changes, not after every streaming frame.
 */
export function useSettledLayouts(cellLines: CellLineCache): void {
  const [, drawAgain] = useReducer((count: number) => count + 1, 0);
  const unsettled = cellLines.unsettled;
  useEffect(() => {
    if (!unsettled) return;
    const timer = setTimeout(() => {
      cellLines.settle();
      drawAgain();
    }, 0);
    return () => clearTimeout(timer);
  }, [cellLines, unsettled]);
}
