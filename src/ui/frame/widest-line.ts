import stringWidth from 'string-width';
import { LineCache } from './line-cache.js';

/** As many lines as a few screens hold, with room for those that stream past. */
const widths = new LineCache<number>(4000);

/**
 * `widest-line` (the columns of a text's widest line), which the build gives Ink in its place:
 * Ink asks it of every Text on every frame, to lay it out and again to print it, and
 * string-width reads a line with symbols or styles a grapheme at a time (2.4 ms of a 120×40
 * frame). A line's width is worked out once while frames keep showing it.
 */
export default function widestLine(text: string): number {
  let widest = 0;
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    const line = end === -1 ? text.slice(start) : text.slice(start, end);
    widest = Math.max(widest, widths.get(line, stringWidth));
    if (end === -1) return widest;
    start = end + 1;
  }
}
