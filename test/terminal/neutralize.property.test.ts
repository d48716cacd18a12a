import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keepOnlySgr } from '../../src/terminal/keep-sgr.js';
import { escapeControlsForJson, neutralize } from '../../src/terminal/neutralize.js';
import { hostileText, unsafeOnTerminal } from '../support/hostile.js';

const NEWLINE_OR_TAB = /[\n\t]/;
const safeText = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((text) => !unsafeOnTerminal(text));

describe('neutralize, for any string', () => {
  it('leaves nothing that could act on a terminal', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        expect(unsafeOnTerminal(neutralize(text))).toBeUndefined();
      }),
    );
  });

  it('changes nothing in text that was already safe, and is idempotent', () => {
    fc.assert(
      fc.property(safeText, (text) => {
        expect(neutralize(text)).toBe(text);
      }),
    );
    fc.assert(
      fc.property(hostileText, (text) => {
        expect(neutralize(neutralize(text))).toBe(neutralize(text));
      }),
    );
  });

  it('keeps every newline and tab, so lines stay where they were', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const lines = (s: string) => s.split('').filter((c) => NEWLINE_OR_TAB.test(c));
        expect(lines(neutralize(text))).toEqual(lines(text));
      }),
    );
  });
});

describe('escapeControlsForJson, for any value', () => {
  it('leaves nothing that could act on a terminal, and the JSON reads back the same', () => {
    fc.assert(
      fc.property(fc.dictionary(hostileText, hostileText, { maxKeys: 3 }), hostileText, (object, text) => {
        const value = { ...object, text };
        const safe = escapeControlsForJson(JSON.stringify(value, null, 2));
        expect(unsafeOnTerminal(safe)).toBeUndefined();
        expect(JSON.parse(safe)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('makes data that is not JSON safe too', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        expect(unsafeOnTerminal(escapeControlsForJson(text))).toBeUndefined();
      }),
    );
  });
});

describe('keepOnlySgr, on styled neutralized text', () => {
  it('leaves only colour and style codes', () => {
    fc.assert(
      fc.property(hostileText, fc.boolean(), (text, color) => {
        const styled = new Chalk({ level: 1 }).red.bold(neutralize(text));
        expect(unsafeOnTerminal(keepOnlySgr(styled, color))).toBeUndefined();
      }),
    );
  });
});
