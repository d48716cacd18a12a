import { describe, expect, it } from 'vitest';
import type { TurnOutcome } from '../../../src/engine/types.js';
import { applyUpdate, textPieces } from '../../../src/store/cell.js';
import { neutralize } from '../../../src/terminal/neutralize.js';
import { GrowingWrap, wrap } from '../../../src/ui/render/wrap.js';
import { cellFrom, textDelta, textStart } from '../../support/cells.js';

/** An array that counts how often its items are read. */
function counted(items: string[]): { pieces: string[]; reads: () => number } {
  let reads = 0;
  const pieces = new Proxy(items, {
    get(target, property, receiver) {
      if (typeof property === 'string' && /^\d+$/.test(property)) reads++;
      return Reflect.get(target, property, receiver);
    },
  });
  return { pieces, reads: () => reads };
}

describe('a growing line, read by its pieces', () => {
  it('reads each piece once, and wraps as the whole text would', () => {
    const growing = new GrowingWrap(40);
    const { pieces, reads } = counted([]);
    let text = '';
    for (let i = 0; i < 300; i++) {
      const piece = i % 50 === 49 ? 'x\n' : 'é\u0301漢a'.repeat(3);
      pieces.push(piece);
      text += piece;
      growing.lines(pieces);
    }
    expect(growing.lines(pieces)).toEqual(wrap(neutralize(text), 40));
    expect(reads()).toBeLessThanOrEqual(300);
  });

  it('goes on from its pieces to the whole text, once the reply ends, without wrapping it again', () => {
    const growing = new GrowingWrap(12);
    const pieces = ['alpha beta gamma delta ', 'epsilon zeta eta theta iota kappa'];
    growing.lines(pieces);
    const read = pieces.join('');
    const whole = `${read} lambda mu`;
    expect(growing.lines(whole)).toEqual(wrap(whole, 12));
    // What it read is not read again: a middle it never looks back at is taken as read.
    const wrapped = new GrowingWrap(12);
    wrapped.lines(pieces);
    const middleChanged = `${read.slice(0, 20)}XXXXXXXX${read.slice(28)} lambda mu`;
    expect(wrapped.lines(middleChanged)).toEqual(wrap(whole, 12));
  });

  it('starts over when the whole text does not go on from its pieces: a block restarted as it ended', () => {
    const growing = new GrowingWrap(40);
    growing.lines(['Hello world']);
    expect(growing.lines('Goodbye cruel world!')).toEqual(['Goodbye cruel world!']);
    const other = new GrowingWrap(40);
    other.lines(['Hello ', 'world']);
    expect(other.lines('Hello there, a new world')).toEqual(['Hello there, a new world']);
  });

  it('starts over when the block does', () => {
    const growing = new GrowingWrap(20);
    growing.lines(['a long first start ', 'of a block']);
    expect(growing.lines(['again'])).toEqual(['again']);
  });
});

describe('a cell block’s pieces', () => {
  it('join to its text, and stay out of the cell’s JSON', () => {
    let cell = cellFrom([textStart('Hi')]);
    const json = JSON.stringify(cell);
    for (const text of [' there', ', you']) cell = applyUpdate(cell, textDelta(text));
    const block = cell.blocks[0];
    if (!block) throw new Error('no block');
    expect(textPieces(cell, block).join('')).toBe('Hi there, you');
    expect(JSON.stringify(cell)).toBe(
      json.replace('"text":"Hi"', '"text":"Hi there, you"').replace('"version":1', '"version":3'),
    );
  });
});

describe('a finished cell', () => {
  it('drops the pieces its text grew by, and keeps the text', () => {
    let cell = cellFrom([textStart('Hi')]);
    for (const text of [' there', ', you']) cell = applyUpdate(cell, textDelta(text));
    const outcome = { status: 'complete', message: null, metrics: null } as unknown as TurnOutcome;
    cell = applyUpdate(cell, { type: 'end', outcome });
    const block = cell.blocks[0];
    if (!block) throw new Error('no block');
    expect(block.text).toBe('Hi there, you');
    // Only the whole text, as for a block that never had pieces.
    expect(textPieces(cell, block)).toEqual(['Hi there, you']);
  });
});
