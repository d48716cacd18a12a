import { type AnsiCode, ansiCodesToString, diffAnsiCodes } from '@alcalzone/ansi-tokenize';
import { cursorToColumn, ERASE_LINE, ERASE_TO_END, RESET_STYLE } from '../../terminal/cursor-moves.js';
import { type Row, row } from './row-cells.js';

/** What to write on a row, with the cursor somewhere on it, and where the cursor ends (null: unknown). */
export interface RowUpdate {
  bytes: string;
  column: number | null;
}

/**
 * The bytes that turn `previous` into `next` on the cursor's row, as erasing the row and
 * writing `next` would leave it: only the span of cells that differ is written, with the
 * styles in force at its start, and the rest of the row is erased only if `next` is narrower.
 */
export function rowUpdate(previous: string, next: string): RowUpdate {
  const before = row(previous);
  const after = row(next);
  const width = after.columns.at(-1) as number;
  if (!before.exact || !after.exact) {
    return { bytes: `\r${ERASE_LINE}${next}`, column: null };
  }
  const oldWidth = before.columns.at(-1) as number;
  // The first char that differs; by construction both rows agree on columns before it.
  let first = 0;
  const shared = Math.min(before.values.length, after.values.length);
  while (first < shared && sameCell(before, first, after, first)) first++;
  if (first === after.values.length && width === oldWidth && first === before.values.length) {
    return { bytes: '', column: null };
  }
  // The last char that differs: cells compared from the right while they sit at the same columns.
  let lastNew = after.values.length - 1;
  if (width === oldWidth) {
    let lastOld = before.values.length - 1;
    while (
      lastNew >= first &&
      lastOld >= first &&
      before.columns[lastOld] === after.columns[lastNew] &&
      sameCell(before, lastOld, after, lastNew)
    ) {
      lastNew--;
      lastOld--;
    }
  }
  const start = after.columns[first] ?? width;
  let bytes = cursorToColumn(start) + span(after, first, lastNew);
  if (width < oldWidth) bytes += RESET_STYLE + ERASE_TO_END;
  return { bytes, column: after.columns[lastNew + 1] ?? width };
}

function sameCell(a: Row, i: number, b: Row, j: number): boolean {
  return a.values[i] === b.values[j] && sameStyles(a.styles[i] as AnsiCode[], b.styles[j] as AnsiCode[]);
}

/** The same codes in the same order; the same styles opened in another order only cost a rewrite. */
function sameStyles(a: AnsiCode[], b: AnsiCode[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k]?.code !== b[k]?.code) return false;
  return true;
}

/** Chars `from`..`to` with their styles opened at the start and closed at the end. */
function span(cells: Row, from: number, to: number): string {
  let out = '';
  let styles: AnsiCode[] = [];
  for (let i = from; i <= to; i++) {
    const next = cells.styles[i] as AnsiCode[];
    if (!sameStyles(styles, next)) out += ansiCodesToString(diffAnsiCodes(styles, next));
    out += cells.values[i];
    styles = next;
  }
  return out + ansiCodesToString(diffAnsiCodes(styles, []));
}
