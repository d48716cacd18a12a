import type { Cell } from '../store/cell.js';
import { escapeControlsForJson } from '../terminal/neutralize.js';
import { outcomeJson } from './message-json.js';

/**
 * The message JSON of a cell, as print mode's --output-format json gives it, pretty-printed:
 * a partial message carries its `error` and `usage_incomplete` (see outcomeJson). Null while
 * the cell streams or when no message came.
 */
export function messageJson(cell: Cell): string | null {
  if (!cell.message || cell.status === 'streaming') return null;
  const json = outcomeJson(cell.message, cell.status, cell.error, cell.metrics?.usageFinal ?? false);
  // Escaped as the terminal needs (DEL, C1, bidi): the file is often shown with `cat`, and a
  // JSON reader reads each escape back as the same character.
  return escapeControlsForJson(JSON.stringify(json, null, 2));
}

/** What an export of a cell that did not complete says about it: "" when it did. */
export function partialNote(cell: Cell): string {
  if (cell.status === 'complete') return cell.metrics?.usageFinal === false ? ' (usage incomplete)' : '';
  return ` (partial, ${cell.status}${cell.metrics?.usageFinal ? '' : ', usage incomplete'})`;
}
