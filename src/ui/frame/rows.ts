import { type StyledChar, styledCharsToString } from '@alcalzone/ansi-tokenize';
import { charWidth, type StyledLine, styledChars } from './styled-line.js';

/** A line written at column `x` of a row; `source` is the text Ink would tokenize. */
export interface Segment {
  x: number;
  source: string;
  line: StyledLine;
}

const BLANK: StyledChar = { type: 'char', value: ' ', fullWidth: false, styles: [] };

/**
 * One row of the frame, byte for byte as Ink's Output prints it. Segments that neither overlap
 * nor meet with styles on both sides are joined as they are; styledCharsToString's output is
 * the same, since a style-free cell between two segments closes and reopens nothing more.
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
    if (previous !== undefined) {
      if (segment.x < previous.x + previous.line.width) return placeCells(segments, width);
      if (blanks <= 0 && previous.line.styledEnd && segment.line.styledStart)
        return placeCells(segments, width);
    }
    if (blanks > 0) out += ' '.repeat(blanks);
    out += segment.line.text;
    column = Math.max(column, segment.x + segment.line.width);
    previous = segment;
  }
  return out.trimEnd();
}

/** Ink's own placement, for a row whose segments overlap or touch: cell by cell, in write order. */
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
