const BREAKS = /[\t\r\n\u2028\u2029]/g;
const PICTURES: Record<string, string> = {
  '\t': '\u2409',
  '\r': '\u240d',
  '\n': '\u240a',
  '\u2028': '\u2424',
  '\u2029': '\u2424',
};

/**
 * The text on one line, each line break shown as its picture (␊, ␍, ␤). An error message
 * from a server is shown after our own `streambook:` prefix; a break in it would let the
 * server write a line that looks like ours. A tab (␉) would move the cursor to the terminal's
 * next tab stop, past what a column counts it as.
 */
export function oneLine(text: string): string {
  return text.replace(BREAKS, (char) => PICTURES[char] ?? '');
}

/** The first line of a message, trimmed: a multi-line error says what went wrong on its first. */
export function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? '';
}
