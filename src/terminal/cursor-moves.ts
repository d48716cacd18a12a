/**
 * The cursor and erase sequences the frame writer needs, each as Ink's log-update spells it
 * (through ansi-escapes), so a frame written by either leaves the same screen.
 */
const CSI = '\u001b[';

export const HIDE_CURSOR = `${CSI}?25l`;
export const SHOW_CURSOR = `${CSI}?25h`;
/** Erases the whole row the cursor is on (EL 2), in the current background. */
export const ERASE_LINE = `${CSI}2K`;
/** Erases from the cursor to the end of its row (EL 0). */
export const ERASE_TO_END = `${CSI}K`;
/** Resets every SGR attribute: erases take the current background, and ours must be the default. */
export const RESET_STYLE = `${CSI}0m`;

export const cursorUp = (rows: number): string => (rows > 0 ? `${CSI}${rows}A` : '');
export const cursorDown = (rows: number): string => (rows > 0 ? `${CSI}${rows}B` : '');
/** To a column on the same row, 0-based (CHA); column 0 is a carriage return, one byte. */
export const cursorToColumn = (column: number): string => (column === 0 ? '\r' : `${CSI}${column + 1}G`);

/** ansi-escapes' `eraseLines(count)`: erases `count` rows upward from the cursor's, ending at column 0. */
export function eraseLines(count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += ERASE_LINE + (i < count - 1 ? `${CSI}1A` : '');
  return count > 0 ? `${out}${CSI}G` : out;
}
