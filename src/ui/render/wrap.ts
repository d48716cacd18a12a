import { neutralize } from '../../terminal/neutralize.js';
import { lastClusterStart } from './graphemes.js';
import { LineRows } from './line-rows.js';

/**
 * Wraps text to a width, hard-breaking words longer than a line, in time linear in the text.
 * Each line keeps its leading indent on every piece (code, JSON and lists mean something by
 * it), and a line that fits is left exactly as it is. Styled text (SGR) keeps its style on
 * every row.
 */
export function wrap(text: string, width: number): string[] {
  return expandTabs(text)
    .split('\n')
    .flatMap((line) => {
      const rows = new LineRows(width);
      rows.feed(line);
      return rows.finish();
    });
}

// A tab's width depends on where the terminal's tab stops are; spaces have one width.
function expandTabs(text: string): string {
  return text.includes('\t') ? text.replace(/\t/g, '    ') : text;
}

/** How many of the first and the last characters read a wrap keeps to check a text goes on. */
const KEPT = 16;

/**
 * Wraps model text that only ever grows (a streaming reply, a tool's input JSON), neutralized,
 * without wrapping it again for each delta: rows that are full stay as they are, and each call
 * reads only what arrived since the last one. The last cluster is read again with the next
 * delta, which may extend it (a combining mark, the second half of a flag). A frame's cost is
 * the new text and the open row, whatever the length of the line.
 *
 * Give it the text's pieces (the cell's deltas), not the text: the text is built by `+`, and
 * reading any part of such a string copies all of it (1 MiB in 256-character deltas: 69 s).
 */
export class GrowingWrap {
  readonly #closed: string[] = [];
  #open: LineRows;
  /** Read but not settled: the last cluster, which the next delta may extend. */
  #pending = '';
  #pieces: readonly string[] | null = null;
  #taken = 0;
  #read = 0;
  /** The first and the last characters read, to tell a text that goes on from one that restarted. */
  #head = '';
  #tail = '';
  readonly width: number;

  constructor(width: number) {
    this.width = width;
    this.#open = new LineRows(width);
  }

  /**
   * The wrapped lines of the text: its pieces, an array that only grows (a new array starts
   * the wrap over), or the whole text, which must extend the text given last time, as pieces
   * or whole. So a reply that ends, its pieces dropped for its one flat text, goes on from
   * where its pieces left off instead of being wrapped again from its start.
   */
  lines(text: string | readonly string[]): string[] {
    if (typeof text === 'string') {
      // A stream that restarts a block (malformed, but it happens) starts the wrap over. Its
      // start and the characters before where the last read ended tell, without reading it all.
      if (!this.#goesOn(text)) this.#restart();
      this.#pieces = null;
      return this.#take(text.slice(this.#read));
    }
    if (text !== this.#pieces) {
      this.#restart();
      this.#pieces = text;
    }
    const fresh = text.slice(this.#taken).join('');
    this.#taken = text.length;
    return this.#take(fresh);
  }

  #goesOn(text: string): boolean {
    const read = this.#read;
    return (
      text.length >= read &&
      text.startsWith(this.#head) &&
      text.slice(read - this.#tail.length, read) === this.#tail
    );
  }

  #take(fresh: string): string[] {
    if (this.#head.length < KEPT) this.#head = (this.#head + fresh.slice(0, KEPT)).slice(0, KEPT);
    this.#tail = (this.#tail + fresh.slice(-KEPT)).slice(-KEPT);
    this.#read += fresh.length;
    return this.#grow(fresh);
  }

  #restart(): void {
    this.#closed.length = 0;
    this.#open = new LineRows(this.width);
    this.#pending = '';
    this.#taken = 0;
    this.#read = 0;
    this.#head = '';
    this.#tail = '';
  }

  #grow(added: string): string[] {
    let fresh = this.#pending + added;
    const lastNewline = fresh.lastIndexOf('\n');
    if (lastNewline !== -1) {
      const lines = fresh.slice(0, lastNewline).split('\n');
      lines.forEach((line, i) => {
        if (i > 0) this.#open = new LineRows(this.width);
        this.#open.feed(prepare(line));
        for (const row of this.#open.finish()) this.#closed.push(row);
      });
      this.#open = new LineRows(this.width);
      fresh = fresh.slice(lastNewline + 1);
    }
    const settled = lastClusterStart(fresh);
    if (settled > 0) this.#open.feed(prepare(fresh.slice(0, settled)));
    this.#pending = fresh.slice(settled);
    return this.#closed.concat(this.#open.preview(prepare(withoutPendingHalf(this.#pending))));
  }
}

/**
 * The text with a high surrogate at its end left out: the other half of the pair is still in
 * flight (a delta cut between them), and shown alone it would flash as an escape.
 */
export function withoutPendingHalf(text: string): string {
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? text.slice(0, -1) : text;
}

function prepare(text: string): string {
  return expandTabs(neutralize(text));
}
