/**
 * Mouse capture: normal tracking (1000) reports buttons and the wheel, and SGR encoding (1006)
 * sends each report as `ESC [ < b ; x ; y M` (release: `m`), with no limit on x and y.
 * Holding Shift lets the terminal select text itself: it keeps Shift+mouse for selection.
 */
export const MOUSE_ON = '\u001b[?1000h\u001b[?1006h';
export const MOUSE_OFF = '\u001b[?1006l\u001b[?1000l';

/** One report: a wheel turn, or anything else the mouse did (a click, a release), which the notebook ignores. */
export type MouseReport =
  | { kind: 'wheel'; direction: 'up' | 'down'; x: number; y: number }
  | { kind: 'other'; button: number; x: number; y: number };

/** A decoded piece of input: a mouse report, or the text around it, handed on as it came. */
export type MousePiece = { kind: 'mouse'; report: MouseReport } | { kind: 'text'; text: string };

const ESC = '\u001b';
// biome-ignore lint/suspicious/noControlCharactersInRegex: reports start with ESC
const REPORT = /\u001b\[<(\d{1,9});(\d{1,9});(\d{1,9})([Mm])/g;
// What a report cut by the end of a read looks like, at the end of a piece.
// biome-ignore lint/suspicious/noControlCharactersInRegex: reports start with ESC
const REPORT_START = /\u001b\[(?:<(?:\d{1,9}(?:;(?:\d{1,9}(?:;\d{0,9})?)?)?)?)?$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: reports start with ESC
const REPORT_AT_START = /^\u001b\[<\d{1,9};\d{1,9};\d{1,9}[Mm]/;

/** The report `ESC [ < b ; x ; y M` says: the wheel is buttons 64 (up) and 65 (down), modifiers aside. */
export function mouseReport(button: number, x: number, y: number): MouseReport {
  // Bits 2-4 are Shift, Alt and Ctrl; bit 5 is motion. The wheel is bit 6 with button 0 or 1.
  const base = button & ~0b11100;
  if (base === 64) return { kind: 'wheel', direction: 'up', x, y };
  if (base === 65) return { kind: 'wheel', direction: 'down', x, y };
  return { kind: 'other', button, x, y };
}

/**
 * Takes SGR mouse reports out of the input, piece by piece as Ink's parser hands it over (runs
 * of text, and one escape sequence at a time). A report cut by the end of a read comes in two:
 * Ink holds the start until the next read, or hands it over alone when the next read is slow,
 * and the rest then comes as text. The start is held here until its rest comes, so no part of
 * a report reaches the prompt as typed text.
 */
export class MouseDecoder {
  #held = '';

  push(piece: string): MousePiece[] {
    const held = this.#held;
    this.#held = '';
    let pieces: MousePiece[] | undefined;
    if (held) {
      const joined = held + piece;
      // The rest of the cut report, or more of it: otherwise what was held was no report.
      if (REPORT_AT_START.test(joined) || REPORT_START.exec(joined)?.index === 0)
        pieces = this.#split(joined);
    }
    pieces ??= this.#split(piece);
    // ESC alone is a key (Escape) and goes on as one, but it may also be the start of a report
    // whose rest is late: remembered, so that rest is not typed. (ESC [ alone is held above:
    // it starts a sequence, and as Alt+[ it is no key the notebook has.)
    if (piece === ESC) this.#held = piece;
    return pieces;
  }

  #split(text: string): MousePiece[] {
    const pieces: MousePiece[] = [];
    let from = 0;
    for (const match of text.matchAll(REPORT)) {
      if (match.index > from) pieces.push({ kind: 'text', text: text.slice(from, match.index) });
      const [whole, button = '', x = '', y = ''] = match;
      // A click or a release is of no use to the notebook, but it is no text either.
      pieces.push({ kind: 'mouse', report: mouseReport(Number(button), Number(x), Number(y)) });
      from = match.index + whole.length;
    }
    let rest = text.slice(from);
    const cut = REPORT_START.exec(rest);
    if (cut) {
      this.#held = rest.slice(cut.index);
      rest = rest.slice(0, cut.index);
    }
    if (rest) pieces.push({ kind: 'text', text: rest });
    return pieces;
  }
}
