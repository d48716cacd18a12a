/*
 * OSC 8 hyperlinks that we emit: `ESC ] 8 ; ; URL BEL` opens a link and `ESC ] 8 ; ; BEL`
 * closes it. Terminals without OSC 8 skip the sequence and show the text; Ink 6.8 keeps OSC
 * sequences and gives them no width (test/terminal/osc8.test.ts). Model text never reaches
 * here with an OSC of its own: neutralize and keepOnlySgr took them out first.
 */

// BEL, not ST (`ESC \`): Ink's Output reads a link only when BEL ends it (ansi-tokenize 0.2.5's
// parseLinkCode). Ended by ST, each byte of the sequence took a column there: a pane beside a
// row with links was drawn that many columns early, over the row's tail, cutting a link in half.
const END = '\u0007';
const OPEN_PREFIX = '\u001b]8;;';

/** Opens a link to `url` (already checked: http or https, and only URL characters). */
export function linkOpen(url: string): string {
  return `${OPEN_PREFIX}${url}${END}`;
}

export const LINK_CLOSE = `${OPEN_PREFIX}${END}`;

// An http(s) URL as it stands in text: URL characters only (RFC 3986's, and %), so a
// neutralized control (␛) or a space ends it. Punctuation that ends a sentence is left out below.
const URL_IN_TEXT = /https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/g;
const TRAILING = /[.,;:!?'")\]]+$/;

/**
 * `line` (text safe for a terminal, perhaps styled with SGR) with every http and https URL in
 * it made a link. A closing bracket or quote that ends the URL's sentence is not part of it,
 * unless the URL opened that bracket itself (Wikipedia's `Foo_(bar)`).
 */
export function linkUrls(line: string): string {
  if (!line.includes('http')) return line;
  return line.replace(URL_IN_TEXT, (found) => {
    const url = trimTrailing(found);
    if (!URL.canParse(url) || url.length <= 'https://'.length) return found;
    return `${linkOpen(url)}${url}${LINK_CLOSE}${found.slice(url.length)}`;
  });
}

function trimTrailing(found: string): string {
  let url = found.replace(TRAILING, '');
  // Give back closing parentheses the URL opened.
  while (url.length < found.length && found[url.length] === ')' && count(url, '(') > count(url, ')'))
    url = found.slice(0, url.length + 1);
  return url;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: OSC 8 starts with ESC
const LINK_SEQUENCE = /\u001b\]8;[^;\u0007\u001b]*;([^\u0007\u001b]*)(?:\u001b\\|\u0007)/g;

/**
 * Which link is open after some text, for wrapping: a row cut inside a link closes it, and
 * the next row opens it again, so each row's piece of a URL is a link to the whole URL.
 */
export class LinkState {
  #url = '';

  clone(): LinkState {
    const copy = new LinkState();
    copy.#url = this.#url;
    return copy;
  }

  get open(): boolean {
    return this.#url !== '';
  }

  /** The sequence that opens the current link; empty when none is open. */
  sequence(): string {
    return this.#url ? linkOpen(this.#url) : '';
  }

  apply(text: string): void {
    if (!text.includes(OPEN_PREFIX)) return;
    for (const match of text.matchAll(LINK_SEQUENCE)) this.#url = match[1] ?? '';
  }
}
