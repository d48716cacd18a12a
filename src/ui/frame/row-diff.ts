import { type AnsiCode, ansiCodesToString, diffAnsiCodes } from '@alcalzone/ansi-tokenize';
import { cursorToColumn, ERASE_LINE, ERASE_TO_END, RESET_STYLE } from '../../terminal/cursor-moves.js';
import { readPlain } from './plain-chars.js';
import { charWidth, styledChars } from './styled-line.js';

/** One row of a frame as cells: each character with its styles, and the column it starts at. */
interface Row {
  values: string[];
  /** The styles in force at each character (shared by runs of characters, as plain lines read). */
  styles: AnsiCode[][];
  /** Column where each char starts; one more entry, the row's width. */
  columns: number[];
  /**
   * Whether every column is where a terminal would put it. Ink measures with string-width;
   * terminals disagree with it on emoji sequences, variation selectors and combining marks,
   * so a row with any of those is rewritten whole rather than patched at a column.
   */
  exact: boolean;
}

// Emoji and symbol blocks, variation selectors, joiners and combining marks: widths differ
// between string-width and terminals (xterm.js's Unicode 6 tables among them).
const UNCERTAIN_WIDTH =
  /[\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff]|\p{M}|[\u{1f000}-\u{1ffff}]|[\u{e0000}-\u{e007f}]/u;
/** More than one code point: a cluster (the emoji and marks above are found on the whole line). */
const manyCodePoints = (value: string) =>
  value.length > 2 || (value.length === 2 && (value.codePointAt(0) as number) <= 0xffff);

/**
 * The rows a writer has read, kept for two frames: a row's `previous` is almost always a line
 * the last frame read as its `next` (a streaming row, or rows moved up a row as the screen
 * scrolls). A cache of the last 2000 lines instead held 3 KB of cells for each line that had
 * streamed past, 6 MB after 50 short turns (the memory bench's heap snapshots).
 */
export class RowCache {
  #current = new Map<string, Row>();
  #previous = new Map<string, Row>();

  /** Rows held: at most those read in this frame and the last. */
  get size(): number {
    return this.#current.size + this.#previous.size;
  }

  row(line: string): Row {
    let found = this.#current.get(line);
    if (found) return found;
    found = this.#previous.get(line) ?? plainRow(line) ?? tokenizedRow(line);
    this.#current.set(line, found);
    return found;
  }

  /** The frame is written: rows it read stay for the next, older ones go. */
  frameDone(): void {
    this.#previous = this.#current;
    this.#current = new Map();
  }
}

/** A plain line's cells, read without building a character object each (most rows are plain). */
function plainRow(line: string): Row | undefined {
  const values: string[] = [];
  const styles: AnsiCode[][] = [];
  const columns = [0];
  let column = 0;
  const plainLine = readPlain(line, (value, codes) => {
    column += value <= '~' ? 1 : charWidth(value);
    values.push(value);
    styles.push(codes);
    columns.push(column);
  });
  return plainLine ? { values, styles, columns, exact: !UNCERTAIN_WIDTH.test(line) } : undefined;
}

function tokenizedRow(line: string): Row {
  const chars = styledChars(line);
  const columns = [0];
  // Escapes are ASCII (a link's address aside, where a false alarm only costs a whole row).
  let exact = !UNCERTAIN_WIDTH.test(line);
  let column = 0;
  for (const char of chars) {
    column += charWidth(char.value);
    columns.push(column);
    if (exact && manyCodePoints(char.value)) exact = false;
  }
  return {
    values: chars.map((char) => char.value),
    styles: chars.map((char) => char.styles),
    columns,
    exact,
  };
}

/** What to write on a row, with the cursor somewhere on it, and where the cursor ends (null: unknown). */
export interface RowUpdate {
  bytes: string;
  column: number | null;
}

/**
 * The bytes that turn `previous` into `next` on the cursor's row, as erasing the row and
 * writing `next` would leave it: only the spans of cells that differ are written, each with
 * the styles in force at its start, and the rest of the row is erased only if `next` is narrower.
 */
export function rowUpdate(rows: RowCache, previous: string, next: string): RowUpdate {
  const before = rows.row(previous);
  const after = rows.row(next);
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
  let bytes = '';
  for (const [from, to] of changedSpans(before, after, first, lastNew))
    bytes += cursorToColumn(after.columns[from] ?? width) + span(after, from, to);
  if (width < oldWidth) bytes += RESET_STYLE + ERASE_TO_END;
  return { bytes, column: after.columns[lastNew + 1] ?? width };
}

/** A run of unchanged cells at least this long is stepped over with a cursor move (4-6 bytes). */
const SKIP_CELLS = 8;

/**
 * The spans of `after[first..last]` to write. Where both rows put those cells at the same
 * columns (as a row of ASCII whose text grows in place; a wide character moves the cells after
 * it), runs of unchanged cells between changes are skipped: a reply's open line shares its row
 * with the timeline's counts, and a one-character delta changed one cell at each end of the row
 * but wrote the 100 between them too. Otherwise the one span from the first change to the last.
 */
function changedSpans(before: Row, after: Row, first: number, last: number): Array<[number, number]> {
  if (last < first || !sameLayout(before, after, first, last)) return [[first, last]];
  const spans: Array<[number, number]> = [];
  let from = first;
  let same = 0;
  for (let i = first + 1; i <= last; i++) {
    if (!sameCell(before, i, after, i)) {
      if (same >= SKIP_CELLS) {
        spans.push([from, i - same - 1]);
        from = i;
      }
      same = 0;
    } else {
      same++;
    }
  }
  spans.push([from, last]);
  return spans;
}

function sameLayout(before: Row, after: Row, first: number, last: number): boolean {
  if (before.values.length <= last) return false;
  for (let i = first; i <= last + 1; i++) if (before.columns[i] !== after.columns[i]) return false;
  return true;
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
