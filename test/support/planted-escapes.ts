import { withoutOurLinks } from './our-links.js';

/*
 * Escape sequences a test plants in text the notebook shows, what they look like made visible,
 * and the check that none reached the terminal raw.
 */

export const ESC = '\u001b';
export const BEL = '\u0007';
export const b64 = (text: string) => Buffer.from(text).toString('base64');
/** An OSC 52 clipboard write whose payload names where it was planted. */
export const osc52 = (tag: string) => `${ESC}]52;c;${b64(tag)}${BEL}`;
/** What the same sequence looks like once made visible. */
export const shown = (tag: string) => `␛]52;c;${b64(tag)}␇`;

/**
 * Every place in the output where something only hostile text could have written starts: an
 * OSC (ESC ]: clipboard, title, hyperlink), BEL, a C1 CSI, a screen clear or a reset. The
 * notebook itself writes none of these (but /copy's OSC 52, which a test removes first, and
 * links to the URLs shown, which are taken out here). Each comes with the output around it,
 * so a failure shows what leaked and where.
 */
export function leaks(raw: string): string[] {
  const output = withoutOurLinks(raw);
  const found: string[] = [];
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
  const planted = /\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u0007|\u009b|\u001b\[2J|\u001bc/g;
  for (const match of output.matchAll(planted)) {
    const at = match.index ?? 0;
    found.push(JSON.stringify(output.slice(Math.max(0, at - 60), at + 40)));
  }
  return found;
}
