import type { Cell } from '../../store/cell.js';
import type { CellLineCache, CellLineOptions } from './cell-lines.js';
import { clamp } from './clamp.js';

export interface ConversationWindow {
  lines: string[];
  /** How far up from the bottom the window is, after clamping (0 when a cell is anchored). */
  scroll: number;
  /** True when there is more above the window. */
  more: boolean;
}

/**
 * The lines the conversation pane shows. Only the cells that reach into the window are laid
 * out, so a thousand finished cells elsewhere cost nothing:
 * - with a selected cell, the window starts at that cell's first line and takes the cells
 *   below it until the pane is full (or, near the end, shows the bottom);
 * - otherwise it is taken from the bottom up, `scroll` lines up, clamped at the top.
 */
export function conversationWindow(input: {
  cells: readonly Cell[];
  cellLines: CellLineCache;
  options: Omit<CellLineOptions, 'selected'>;
  height: number;
  scroll: number;
  /** The cell to show from its top; null follows the bottom. */
  selected: number | null;
  /** The cell drawn as selected; defaults to `selected`. */
  highlight?: number | null;
}): ConversationWindow {
  const { cells, cellLines, options, height } = input;
  const highlight = input.highlight === undefined ? input.selected : input.highlight;
  const linesOf = (cell: Cell) => cellLines.lines(cell, { ...options, selected: cell.id === highlight });

  const anchor = input.selected === null ? -1 : cells.findIndex((cell) => cell.id === input.selected);
  if (anchor >= 0) {
    const below: string[] = [];
    for (let i = anchor; i < cells.length && below.length < height; i++)
      below.push(...linesOf(cells[i] as Cell));
    if (below.length >= height) return { lines: below.slice(0, height), scroll: 0, more: true };
  }

  const collected: string[][] = [];
  let total = 0;
  const wanted = height + (anchor >= 0 ? 0 : Math.max(0, input.scroll));
  for (let i = cells.length - 1; i >= 0 && total < wanted; i--) {
    const lines = linesOf(cells[i] as Cell);
    collected.push(lines);
    total += lines.length;
  }
  const all = collected.reverse().flat();
  const scroll = anchor >= 0 ? 0 : clamp(input.scroll, 0, all.length - height);
  const end = all.length - scroll;
  const start = Math.max(0, end - height);
  return { lines: all.slice(start, end), scroll, more: start > 0 || collected.length < cells.length };
}
