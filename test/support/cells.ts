import type { TurnUpdate } from '../../src/engine/types.js';
import { applyUpdate, type Cell, newCell } from '../../src/store/cell.js';
import { SETTINGS } from './turns.js';

/** A cell fed with `updates`, the way the session feeds it. */
export function cellFrom(updates: readonly TurnUpdate[], prompt = 'a prompt', id = 1): Cell {
  return updates.reduce(applyUpdate, newCell(id, prompt, SETTINGS, 'chat'));
}

/** The update that opens the reply's first block, a text block holding `text`. */
export function textStart(text = ''): TurnUpdate {
  return { type: 'block_start', index: 0, block: { type: 'text', text } };
}

/** The update of one text delta to the reply's first block. */
export function textDelta(text: string): TurnUpdate {
  return { type: 'text', index: 0, text, t: 0 };
}
