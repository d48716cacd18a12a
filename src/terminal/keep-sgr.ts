import ansiRegex from 'ansi-regex';
import { neutralize } from './neutralize.js';

const SEQUENCES = ansiRegex();
// biome-ignore lint/suspicious/noControlCharactersInRegex: SGR starts with ESC
const SGR = /^\u001b\[[\d;]*m$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: SGR starts with ESC
const SGR_SPLIT = /(\u001b\[[\d;]*m)/;

/**
 * Drops every escape sequence but colour and style (SGR), and neutralizes what is left between
 * them. Renderers we call may emit OSC 8 hyperlinks to model-chosen URLs, and Markdown turns
 * entities such as `&#x202e;` or `&#27;` back into the characters the neutralizer took out:
 * only styling may reach the screen. With `color` false, styling goes too (NO_COLOR).
 */
export function keepOnlySgr(text: string, color: boolean): string {
  const kept = text.replace(SEQUENCES, (sequence) => (color && SGR.test(sequence) ? sequence : ''));
  // Split with a capture group: odd pieces are the SGR codes kept, even ones the text between.
  return kept
    .split(SGR_SPLIT)
    .map((piece, i) => (i % 2 === 1 ? piece : neutralize(piece)))
    .join('');
}
