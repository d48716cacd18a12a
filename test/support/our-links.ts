import stripAnsi from 'strip-ansi';

export const LINKED =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: an OSC 8 open, its text (SGR allowed), and the close, each ended by BEL
  /\u001b\]8;;([^\u001b\u0007]+)\u0007([^\u001b]*(?:\u001b\[[\d;]*m[^\u001b]*)*)\u001b\]8;;\u0007/g;

// biome-ignore lint/suspicious/noControlCharactersInRegex: an OSC 8 close, ended by BEL
const CLOSE = /\u001b\]8;;\u0007/g;

/**
 * The output with the links the notebook makes itself replaced by their text: an OSC 8 whose
 * text is the URL it leads to, or a piece of it (a URL wrapped over rows). Any other OSC 8,
 * one that hides where it leads, is left in to be found. A close with no link open is taken
 * out too: Ink's Output (ansi-tokenize) keeps our close as a style and ends it once more where
 * the text after it ends, and a close that opens nothing does nothing on a terminal.
 */
export function withoutOurLinks(output: string): string {
  return output
    .replace(LINKED, (whole, url: string, text: string) =>
      url.includes(stripAnsi(text)) && /^https?:\/\//.test(url) ? text : whole,
    )
    .replace(CLOSE, '');
}
