import { type AnsiCode, reduceAnsiCodesIncremental, tokenize } from '@alcalzone/ansi-tokenize';
import { charWidth, styledChars } from './styled-line.js';

/** One row of a frame as cells: each character with its styles, and the column it starts at. */
export interface Row {
  values: string[];
  /** The styles in force at each character (characters between two escapes share one array). */
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

const rows = new Map<string, Row>();
const KEEP = 2000;

/** A row's cells, as ansi-tokenize finds them; kept while the next frames may diff against it. */
export function row(line: string): Row {
  let found = rows.get(line);
  if (found) return found;
  found = plainRow(line) ?? tokenizedRow(line);
  // Rows come and go with frames; a bounded cache keeps the last frames' rows, not history's.
  if (rows.size >= KEEP) rows.clear();
  rows.set(line, found);
  return found;
}

/** A row as ansi-tokenize reads it, grapheme by grapheme: any row, at its cost. */
export function tokenizedRow(line: string): Row {
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

/**
 * Code units that are each a grapheme of their own whatever stands beside them (no mark,
 * joiner, selector, prepend, jamo or control among them) and whose widths terminals agree on:
 * ASCII, Latin-1 and Latin Extended, general punctuation, arrows and maths, box drawing and
 * shapes. Frames are nearly all made of these.
 */
const plain = (c: number) =>
  (c >= 0x20 && c <= 0x7e) ||
  (c >= 0xa0 && c <= 0x2ff) ||
  (c >= 0x2010 && c <= 0x2027) ||
  (c >= 0x2030 && c <= 0x205e) ||
  (c >= 0x2190 && c <= 0x22ff) ||
  (c >= 0x2500 && c <= 0x25ff);

const ESC = 0x1b;
const sgrs = new Map<string, AnsiCode[]>();

/**
 * The cells of a row made of plain characters and SGR sequences, as ansi-tokenize gives them,
 * in one pass over its code units: its grapheme segmenter costs ~8 ms a frame when the
 * timeline scrolls 30 rows. Undefined for any other row (test/ui/frame/row-cells.test.ts).
 */
export function plainRow(line: string): Row | undefined {
  const values: string[] = [];
  const styles: AnsiCode[][] = [];
  const columns = [0];
  let codes: AnsiCode[] = [];
  let column = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === ESC) {
      const end = sgrEnd(line, i);
      if (end < 0) return undefined;
      codes = reduceAnsiCodesIncremental(codes, sgrTokens(line.slice(i, end + 1)));
      i = end;
      continue;
    }
    if (!plain(c)) return undefined;
    const value = line[i] as string;
    column += c <= 0x7e ? 1 : charWidth(value);
    values.push(value);
    styles.push(codes);
    columns.push(column);
  }
  return { values, styles, columns, exact: true };
}

/** Where the SGR sequence at `start` ends (its `m`), as ansi-tokenize reads one; -1 if none. */
function sgrEnd(line: string, start: number): number {
  if (line.charCodeAt(start + 1) !== 0x5b) return -1;
  for (let i = start + 2; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x6d) return i;
    if (c !== 0x3b && (c < 0x30 || c > 0x39)) return -1;
  }
  return -1;
}

/** One SGR sequence's codes, split as ansi-tokenize splits a compound one. */
function sgrTokens(sequence: string): AnsiCode[] {
  let tokens = sgrs.get(sequence);
  if (tokens === undefined) {
    tokens = tokenize(sequence).filter((token) => token.type === 'ansi');
    if (sgrs.size >= KEEP) sgrs.clear();
    sgrs.set(sequence, tokens);
  }
  return tokens;
}
