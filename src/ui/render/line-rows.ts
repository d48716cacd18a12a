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
export class LineRows {
  readonly width: number;
  /** The finished rows, ready to show. */
  readonly rows: string[] = [];
  #raw = '';
  #lineWidth = 0;
  #indent = '';
  #indentOpen = true;
  #broken = false;
  #room: number;
  #row = '';
  #rowWidth = 0;
  #spaces = 0;
  #word = '';
  #wordWidth = 0;
  #styled = false;
  #sgr = new SgrState();
  #link = new LinkState();

  constructor(width: number) {
    this.width = Math.max(1, width);
    this.#room = this.width;
  }

  /** Adds text that holds no newline. Escape sequences take no columns (callers pass only SGR and our OSC 8). */
  feed(text: string): void {
    this.#raw += text;
    if (isPrintableAscii(text)) {
      this.#feedAscii(text);
      return;
    }
    let at = 0;
    for (const match of text.matchAll(ESCAPES)) {
      this.#feedText(text.slice(at, match.index));
      this.#styled = true;
      this.#word += match[0];
      at = match.index + match[0].length;
    }
    this.#feedText(text.slice(at));
  }

  /** All rows of the line, the last one included; the builder is done with. */
  finish(): string[] {
    if (!this.#broken && this.#lineWidth <= this.width) return [wellFormed(this.#raw)];
    this.#startContent();
    const last = this.#rowWidth > 0 && this.#wordWidth > 0 ? ' '.repeat(this.#spaces) : '';
    this.rows.push(this.#emit(this.#row + last + this.#word, false));
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
    copy.#raw = this.#raw;
    copy.#lineWidth = this.#lineWidth;
    copy.#indent = this.#indent;
    copy.#indentOpen = this.#indentOpen;
    copy.#broken = this.#broken;
    copy.#room = this.#room;
    copy.#row = this.#row;
    copy.#rowWidth = this.#rowWidth;
    copy.#spaces = this.#spaces;
    copy.#word = this.#word;
    copy.#wordWidth = this.#wordWidth;
    copy.#styled = this.#styled;
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
    this.#lineWidth++;
    if (this.#indentOpen) {
      this.#indent += ' ';
      return;
    }
    if (this.#wordWidth > 0 || this.#word) {
      this.#row += (this.#rowWidth > 0 && this.#wordWidth > 0 ? ' '.repeat(this.#spaces) : '') + this.#word;
      if (this.#wordWidth > 0) {
        this.#rowWidth += (this.#rowWidth > 0 ? this.#spaces : 0) + this.#wordWidth;
        this.#spaces = 0;
      }
      this.#word = '';
      this.#wordWidth = 0;
    }
    // A space that starts a row is dropped; the others wait for the word after them.
    if (this.#rowWidth > 0) this.#spaces++;
  }

  /** A run of printable ASCII without spaces: one column a character, cut anywhere. */
  #run(run: string): void {
    this.#startContent();
    this.#lineWidth += run.length;
    for (let at = 0; at < run.length; ) {
      const free = this.#room - this.#used() - this.#wordWidth;
      if (free <= 0) {
        this.#breakFor(1);
        continue;
      }
      const take = Math.min(free, run.length - at);
      this.#word += at === 0 && take === run.length ? run : run.slice(at, at + take);
      this.#wordWidth += take;
      at += take;
    }
  }

  #cluster(cluster: string, width: number): void {
    if (width > 0) this.#startContent();
    this.#lineWidth += width;
    this.#breakFor(width);
    this.#word += cluster;
    this.#wordWidth += width;
  }

  /** The first visible character ends the indent: kept if it leaves at least half the row. */
  #startContent(): void {
    if (!this.#indentOpen) return;
    this.#indentOpen = false;
    if (this.#indent.length < this.width / 2) this.#room = this.width - this.#indent.length;
    else this.#indent = '';
  }

  #used(): number {
    return this.#rowWidth > 0 ? this.#rowWidth + this.#spaces : 0;
  }

  /** Ends rows until `width` more columns fit: first before the word, then inside it. */
  #breakFor(width: number): void {
    while (width > 0 && this.#used() + this.#wordWidth + width > this.#room) {
      if (this.#rowWidth > 0) {
        this.rows.push(this.#emit(this.#row, true));
      } else if (this.#wordWidth > 0) {
        this.rows.push(this.#emit(this.#row + this.#word, true));
        this.#word = '';
        this.#wordWidth = 0;
      } else return; // One cluster wider than the whole row: it gets a row of its own.
      this.#broken = true;
      this.#row = '';
      this.#rowWidth = 0;
      this.#spaces = 0;
    }
  }

  #emit(content: string, broken: boolean): string {
    if (!this.#styled) return this.#indent + content;
    const open = this.#link.sequence() + this.#sgr.sequence();
    this.#sgr.apply(content);
    this.#link.apply(content);
    const close = broken ? (this.#sgr.plain ? '' : CLOSE) + (this.#link.open ? LINK_CLOSE : '') : '';
    return this.#indent + open + content + close;
  }
}
