import ansiRegex from 'ansi-regex';

const SEQUENCES = ansiRegex();
// biome-ignore lint/suspicious/noControlCharactersInRegex: SGR starts with ESC
const SGR = /^\u001b\[[\d;]*m$/;

/**
 * Drops every escape sequence but colour and style (SGR). Renderers we call may emit OSC 8
 * hyperlinks to model-chosen URLs; only styling may reach the screen. With `color` false,
 * styling goes too (NO_COLOR).
 */
export function keepOnlySgr(text: string, color: boolean): string {
  return text.replace(SEQUENCES, (sequence) => (color && SGR.test(sequence) ? sequence : ''));
}
