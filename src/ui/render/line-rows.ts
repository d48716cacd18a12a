import ansiRegex from 'ansi-regex';
import { LINK_CLOSE, LinkState } from '../../terminal/osc8.js';
import { clusters, isPrintableAscii, wellFormed } from './graphemes.js';
import { SgrState } from './sgr-state.js';

const ESCAPES = ansiRegex();
const CLOSE = '\u001b[0m';

/**
 * One line of text cut into rows no wider than the pane, fed piece by piece: the state between
 * pieces is the current row and the word being read, never the whole line, so feeding a line
 * costs its length once however it arrives. Words wrap at spaces; a word wider than the row is
 * cut between clusters. The line's indent starts every row (code, JSON and lists mean
 * something by it), spaces at a row's ends are dropped, and a line that fits is kept as it is.
 */
/** The line so far (its text, width and indent) and the row and word being built. */
interface Progress {
  raw: string;
  lineWidth: number;
  indent: string;
  /** Still reading the line's leading spaces. */
  indentOpen: boolean;
  broken: boolean;
  /** Columns a row has for content, after the indent. */
  room: number;
  row: string;
  rowWidth: number;
  /** Spaces waiting between the row and the word after them. */
  spaces: number;
  word: string;
  wordWidth: number;
  styled: boolean;
}

export class LineRows {
  readonly width: number;
  /** The finished rows, ready to show. */
  readonly rows: string[] = [];
  /** Where the builder is in the line, as plain values, so that a copy is one spread. */
  #at: Progress;
  #sgr = new SgrState();
  #link = new LinkState();

  constructor(width: number) {
    this.width = Math.max(1, width);
    this.#at = {
      raw: '',
      lineWidth: 0,
      indent: '',
      indentOpen: true,
      broken: false,
      room: this.width,
      row: '',
      rowWidth: 0,
      spaces: 0,
      word: '',
      wordWidth: 0,
      styled: false,
    };
  }

  /** Adds text that holds no newline. Escape sequences take no columns (callers pass only SGR and our OSC 8). */
  feed(text: string): void {
    this.#at.raw += text;
    if (isPrintableAscii(text)) {
      this.#feedAscii(text);
      return;
    }
    let at = 0;
    for (const match of text.matchAll(ESCAPES)) {
      this.#feedText(text.slice(at, match.index));
      this.#at.styled = true;
      this.#at.word += match[0];
      at = match.index + match[0].length;
    }
    this.#feedText(text.slice(at));
  }

  /** All rows of the line, the last one included; the builder is done with. */
  finish(): string[] {
    if (!this.#at.broken && this.#at.lineWidth <= this.width) return [wellFormed(this.#at.raw)];
    this.#startContent();
    const last = this.#at.rowWidth > 0 && this.#at.wordWidth > 0 ? ' '.repeat(this.#at.spaces) : '';
    this.rows.push(this.#emit(this.#at.row + last + this.#at.word, false));
    return this.rows;
  }

  /** The rows the line would have if `tail` ended it, leaving this builder as it was. */
  preview(tail: string): string[] {
    const copy = this.#copy();
    copy.feed(tail);
    return this.rows.concat(copy.finish());
  }

  #copy(): LineRows {
    const copy = new LineRows(this.width);
    copy.#at = { ...this.#at };
    copy.#sgr = this.#sgr.clone();
    copy.#link = this.#link.clone();
    return copy;
  }

  #feedText(text: string): void {
    if (isPrintableAscii(text)) {
      this.#feedAscii(text);
      return;
    }
    for (const [cluster, width] of clusters(text)) {
      if (cluster === ' ') this.#space();
      else this.#cluster(cluster, width);
    }
  }

  #feedAscii(text: string): void {
    let at = 0;
    for (let space = text.indexOf(' '); space !== -1; space = text.indexOf(' ', at)) {
      if (space > at) this.#run(text.slice(at, space));
      this.#space();
      at = space + 1;
    }
    if (at < text.length) this.#run(at === 0 ? text : text.slice(at));
  }

  #space(): void {
    this.#at.lineWidth++;
    if (this.#at.indentOpen) {
      this.#at.indent += ' ';
      return;
    }
    if (this.#at.wordWidth > 0 || this.#at.word) {
      this.#at.row +=
        (this.#at.rowWidth > 0 && this.#at.wordWidth > 0 ? ' '.repeat(this.#at.spaces) : '') + this.#at.word;
      if (this.#at.wordWidth > 0) {
        this.#at.rowWidth += (this.#at.rowWidth > 0 ? this.#at.spaces : 0) + this.#at.wordWidth;
        this.#at.spaces = 0;
      }
      this.#at.word = '';
      this.#at.wordWidth = 0;
    }
    // A space that starts a row is dropped; the others wait for the word after them.
    if (this.#at.rowWidth > 0) this.#at.spaces++;
  }

  /** A run of printable ASCII without spaces: one column a character, cut anywhere. */
  #run(run: string): void {
    this.#startContent();
    this.#at.lineWidth += run.length;
    for (let at = 0; at < run.length; ) {
      const free = this.#at.room - this.#used() - this.#at.wordWidth;
      if (free <= 0) {
        this.#breakFor(1);
        continue;
      }
      const take = Math.min(free, run.length - at);
      this.#at.word += at === 0 && take === run.length ? run : run.slice(at, at + take);
      this.#at.wordWidth += take;
      at += take;
    }
  }

  #cluster(cluster: string, width: number): void {
    if (width > 0) this.#startContent();
    this.#at.lineWidth += width;
    this.#breakFor(width);
    this.#at.word += cluster;
    this.#at.wordWidth += width;
  }

  /** The first visible character ends the indent: kept if it leaves at least half the row. */
  #startContent(): void {
    if (!this.#at.indentOpen) return;
    this.#at.indentOpen = false;
    if (this.#at.indent.length < this.width / 2) this.#at.room = this.width - this.#at.indent.length;
    else this.#at.indent = '';
  }

  #used(): number {
    return this.#at.rowWidth > 0 ? this.#at.rowWidth + this.#at.spaces : 0;
  }

  /** Ends rows until `width` more columns fit: first before the word, then inside it. */
  #breakFor(width: number): void {
    while (width > 0 && this.#used() + this.#at.wordWidth + width > this.#at.room) {
      if (this.#at.rowWidth > 0) {
        this.rows.push(this.#emit(this.#at.row, true));
      } else if (this.#at.wordWidth > 0) {
        this.rows.push(this.#emit(this.#at.row + this.#at.word, true));
        this.#at.word = '';
        this.#at.wordWidth = 0;
      } else return; // One cluster wider than the whole row: it gets a row of its own.
      this.#at.broken = true;
      this.#at.row = '';
      this.#at.rowWidth = 0;
      this.#at.spaces = 0;
    }
  }

  #emit(content: string, broken: boolean): string {
    if (!this.#at.styled) return this.#at.indent + content;
    const open = this.#link.sequence() + this.#sgr.sequence();
    this.#sgr.apply(content);
    this.#link.apply(content);
    const close = broken ? (this.#sgr.plain ? '' : CLOSE) + (this.#link.open ? LINK_CLOSE : '') : '';
    return this.#at.indent + open + content + close;
  }
}
