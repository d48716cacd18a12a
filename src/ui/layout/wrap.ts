import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import wrapAnsi from 'wrap-ansi';

/**
 * Wraps text to a width, hard-breaking words longer than a line. Each line keeps its
 * leading indent on every piece (code, JSON and lists mean something by it), and a line
 * that fits is left exactly as it is.
 */
export function wrap(text: string, width: number): string[] {
  // A tab's width depends on where the terminal's tab stops are; spaces have one width.
  const expanded = text.includes('\t') ? text.replace(/\t/g, TAB) : text;
  return expanded.split('\n').flatMap((line) => wrapLine(line, Math.max(1, width)));
}

const TAB = '    ';

function wrapLine(line: string, width: number): string[] {
  if (stringWidth(line) <= width) return [line];
  const indent = /^\s*/.exec(stripAnsi(line))?.[0] ?? '';
  const keep = indent.length < width / 2 ? indent : '';
  // Cut the indent out, but keep any style codes in front of it.
  const at = keep ? line.indexOf(keep) : 0;
  const content = keep ? line.slice(0, at) + line.slice(at + keep.length) : line;
  return wrapAnsi(content, width - keep.length, { hard: true })
    .split('\n')
    .map((piece) => keep + piece);
}

/**
 * Wraps text that only ever grows (a streaming reply) without wrapping it all again for each
 * delta: lines that a newline has closed are wrapped once and kept; only the open line is
 * wrapped again. The cost of a frame is the open line, not the reply.
 */
export class GrowingWrap {
  readonly #closed: string[] = [];
  #closedUpTo = 0;
  readonly width: number;

  constructor(width: number) {
    this.width = width;
  }

  /** The wrapped lines of `text`, which must extend the text given last time. */
  lines(text: string): string[] {
    // A stream that restarts a block (malformed, but it happens) starts the wrap over.
    if (text.length < this.#closedUpTo) {
      this.#closed.length = 0;
      this.#closedUpTo = 0;
    }
    const lastNewline = text.lastIndexOf('\n');
    if (lastNewline >= this.#closedUpTo) {
      this.#closed.push(...wrap(text.slice(this.#closedUpTo, lastNewline), this.width));
      this.#closedUpTo = lastNewline + 1;
    }
    return [...this.#closed, ...wrap(text.slice(this.#closedUpTo), this.width)];
  }
}
