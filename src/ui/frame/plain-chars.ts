import {
  type AnsiCode,
  reduceAnsiCodesIncremental,
  type StyledChar,
  tokenize,
} from '@alcalzone/ansi-tokenize';

/**
 * Code units that are each a grapheme of their own whatever stands beside them (no mark,
 * joiner, selector, prepend, jamo or control among them), one column wide, and whose widths
 * terminals agree on: ASCII, Latin-1 and Latin Extended, general punctuation, arrows and
 * maths, box drawing and shapes (less two emoji). Frames are nearly all made of these.
 */
const plain = (c: number) =>
  (c >= 0x20 && c <= 0x7e) ||
  (c >= 0xa0 && c <= 0x2ff) ||
  (c >= 0x2010 && c <= 0x2027) ||
  (c >= 0x2030 && c <= 0x205e) ||
  (c >= 0x2190 && c <= 0x22ff) ||
  (c >= 0x2500 && c <= 0x25fc);

const ESC = 0x1b;
const KEEP = 2000;
const sgrs = new Map<string, AnsiCode[]>();

/**
 * Reads a line of plain characters and SGR sequences as ansi-tokenize would, in one pass over
 * its code units, calling `visit` with each character and the styles in force; false, part
 * read, for any other line, which is left to ansi-tokenize. Its grapheme segmenter cost the
 * writer ~8 ms a frame (30 rows changing as the timeline moved up a row at each event), and
 * Output as much.
 * Characters between two escapes share one styles array; nothing changes one in place.
 */
export function readPlain(line: string, visit: (value: string, styles: AnsiCode[]) => void): boolean {
  let styles: AnsiCode[] = [];
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === ESC) {
      const end = sgrEnd(line, i);
      if (end < 0) return false;
      styles = reduceAnsiCodesIncremental(styles, sgrCodes(line.slice(i, end + 1)));
      i = end;
    } else if (plain(c)) visit(line[i] as string, styles);
    else return false;
  }
  return true;
}

/** The characters ansi-tokenize finds in a plain line (test/ui/frame/plain-chars.test.ts). */
export function plainChars(line: string): StyledChar[] | undefined {
  const chars: StyledChar[] = [];
  const plainLine = readPlain(line, (value, styles) => {
    chars.push({ type: 'char', value, fullWidth: false, styles });
  });
  return plainLine ? chars : undefined;
}

/** Where the SGR sequence at `start` ends (its `m`), as ansi-tokenize reads one; -1 if none. */
export function sgrEnd(line: string, start: number): number {
  if (line.charCodeAt(start + 1) !== 0x5b) return -1;
  for (let i = start + 2; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x6d) return i;
    if (c !== 0x3b && (c < 0x30 || c > 0x39)) return -1;
  }
  return -1;
}

/** One SGR sequence's codes, a compound one split as ansi-tokenize splits it; a screen uses a few dozen. */
export function sgrCodes(sequence: string): AnsiCode[] {
  let codes = sgrs.get(sequence);
  if (codes === undefined) {
    codes = tokenize(sequence).filter((token) => token.type === 'ansi');
    if (sgrs.size >= KEEP) sgrs.clear();
    sgrs.set(sequence, codes);
  }
  return codes;
}

/** Forgets the SGR sequences read, with the lines (forgetStyledLines). */
export function forgetSgrCodes(): void {
  sgrs.clear();
}
