import {
  ansiCodesToString,
  diffAnsiCodes,
  type StyledChar,
  styledCharsToString,
} from '@alcalzone/ansi-tokenize';
import { charWidth, type StyledLine, styledChars } from './styled-line.js';

/** A line written at column `x` of a row; `source` is the text Ink would tokenize. */
export interface Segment {
  x: number;
  source: string;
  line: StyledLine;
}

const BLANK: StyledChar = { type: 'char', value: ' ', fullWidth: false, styles: [] };

/**
 * One row of the frame, byte for byte as Ink's Output prints it. Segments that do not overlap
 * are joined: styledCharsToString puts between two characters the codes that turn the one's
 * styles into the other's, so where two segments meet with no blank between, the codes closing
 * the first and opening the second give way to those.
 */
export function printRow(segments: readonly Segment[], width: number): string {
  if (segments.length === 0) return '';
  const ordered = segments.length === 1 ? segments : [...segments].sort((a, b) => a.x - b.x);
  let out = '';
  let column = 0;
  let previous: Segment | undefined;
  for (const segment of ordered) {
    // Cells past the row's width are holes in Ink's array, dropped rather than printed as blanks.
    const blanks = Math.min(segment.x, width) - column;
    const { line } = segment;
    if (previous === undefined || blanks > 0) {
      if (blanks > 0) out += ' '.repeat(blanks);
      out += line.text;
    } else if (segment.x < column) {
      return placeCells(segments, width);
    } else {
      out = out.slice(0, out.length - previous.line.close);
      out += ansiCodesToString(diffAnsiCodes(previous.line.last, line.first)) + line.text.slice(line.open);
    }
    column = Math.max(column, segment.x + line.width);
    previous = segment;
  }
  return out.trimEnd();
}

/** Ink's own placement, for a row whose segments overlap: cell by cell, in write order. */
function placeCells(segments: readonly Segment[], width: number): string {
  const cells: (StyledChar | undefined)[] = new Array<StyledChar>(width).fill(BLANK);
  for (const segment of segments) {
    let x = segment.x;
    for (const char of styledChars(segment.source)) {
      cells[x] = char;
      const columns = charWidth(char.value);
      for (let fill = 1; fill < columns; fill++) {
        cells[x + fill] = { type: 'char', value: '', fullWidth: false, styles: char.styles };
      }
      x += columns;
    }
  }
  return styledCharsToString(cells.filter((cell) => cell !== undefined)).trimEnd();
}
