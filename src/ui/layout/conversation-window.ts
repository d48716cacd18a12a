import type { Cell } from '../../store/cell.js';
import type { CellLineOptions, CellLines } from './cell-lines.js';

export interface ConversationWindow {
  lines: string[];
  /** How far up from the bottom the window is, after clamping. */
  scroll: number;
  /** True when there is more above the window. */
  more: boolean;
}

/**
 * The lines the conversation pane shows, taken from the bottom up: only the cells that
 * reach into the window are laid out, so a thousand finished cells above cost nothing.
 * With a selected cell, the window moves so that the cell's first line is in view.
 */
export function conversationWindow(input: {
  cells: readonly Cell[];
  layout: CellLines;
  options: Omit<CellLineOptions, 'selected'>;
  height: number;
  scroll: number;
  selected: number | null;
}): ConversationWindow {
  const { cells, layout, options, height, selected } = input;
  const collected: string[][] = [];
  let total = 0;
  let selectedTop: number | null = null;
  for (let i = cells.length - 1; i >= 0; i--) {
    const cell = cells[i] as Cell;
    const lines = layout.lines(cell, { ...options, selected: cell.id === selected });
    collected.unshift(lines);
    total += lines.length;
    if (cell.id === selected) selectedTop = total;
    const needSelected = selected !== null && selectedTop === null;
    if (total >= height + input.scroll + 1 && !needSelected) break;
  }
  const all = collected.flat();
  let scroll = Math.max(0, Math.min(input.scroll, all.length - height));
  if (selectedTop !== null && selectedTop > height + scroll) scroll = selectedTop - height;
  const end = all.length - scroll;
  const start = Math.max(0, end - height);
  return { lines: all.slice(start, end), scroll, more: start > 0 || collected.length < cells.length };
}
