import { neutralize } from '../terminal/neutralize.js';
import { oneLine } from '../terminal/one-line.js';

/** The longest a value quoted in a message gets, in characters. */
export const SHOWN_MAX = 60;

/**
 * A configuration value (a flag, a variable, a line of `.env`) fit to quote in a message:
 * neutralized like model text, on one line, and cut to SHOWN_MAX characters. A hostile `.env`
 * could otherwise write to the clipboard (OSC 52) or the title through a usage error.
 */
export function shown(value: string): string {
  const chars = [...oneLine(neutralize(value))];
  return chars.length > SHOWN_MAX ? `${chars.slice(0, SHOWN_MAX - 1).join('')}…` : chars.join('');
}

/** A value quoted in a message: `'value'`, shown as above. */
export function quoted(value: string): string {
  return `'${shown(value)}'`;
}
