import type { Cell } from '../../src/store/cell.js';
import { CellLineCache, type CellLineOptions } from '../../src/ui/render/cell-lines.js';
import { plain } from '../ui/harness.js';

/** How the cell-line tests lay a cell out, but for what a test changes: 100 columns, Markdown. */
export const OPTIONS: CellLineOptions = {
  width: 100,
  rawText: false,
  thinkingHidden: false,
  selected: false,
};

/** The cell's lines as a person reads them: without colour codes. */
function show(cell: Cell, options: Partial<CellLineOptions> = {}): string[] {
  return new CellLineCache().lines(cell, { ...OPTIONS, ...options }).map(plain);
}

/** The body of the cell (what follows "Out[n]:"), without the label and its indent. */
export function body(cell: Cell, options: Partial<CellLineOptions> = {}): string[] {
  const lines = show(cell, options);
  const out = lines.findIndex((line) => line.startsWith(`Out[${cell.id}]:`));
  return lines.slice(out).map((line) => line.slice(`Out[${cell.id}]: `.length));
}

/** The text of the cell's block `index`. */
export function textOf(cell: Cell, index = 0): string {
  return cell.blocks.find((b) => b.index === index)?.text ?? '';
}
