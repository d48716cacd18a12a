import { describe, expect, it } from 'vitest';
import { keepOnlySgr } from '../../src/terminal/keep-sgr.js';
import { cutText, escapeControlsForJson, neutralize } from '../../src/terminal/neutralize.js';

describe('neutralize', () => {
  it('shows every control character as a visible stand-in, keeping newlines and tabs', () => {
    expect(neutralize('a\u001b]52;c;aGk=\u0007b')).toBe('a␛]52;c;aGk=␇b');
    expect(neutralize('x\u009b2Jy\u007f')).toBe('x\\x9b2Jy␡');
    expect(neutralize('line\n\tnext')).toBe('line\n\tnext');
  });

  it('shows bidi embeddings, overrides and isolates as \\u escapes, so text reads as it is', () => {
    // "Trojan Source": an override makes `admin` read backwards on screen.
    expect(neutralize('user\u202enimda\u202c')).toBe('user\\u202enimda\\u202c');
    expect(neutralize('\u202a\u202b\u202d\u2066\u2067\u2068\u2069')).toBe(
      '\\u202a\\u202b\\u202d\\u2066\\u2067\\u2068\\u2069',
    );
  });

  it('keeps the marks RTL text needs (LRM, RLM, ALM) and Hebrew and Arabic as they are', () => {
    const rtl = 'שלום\u200e 1 \u200fمرحبا\u061c';
    expect(neutralize(rtl)).toBe(rtl);
  });

  it('shows a lone surrogate as a \\u escape and keeps a surrogate pair', () => {
    expect(neutralize('a\ud83d b\ude00 c')).toBe('a\\ud83d b\\ude00 c');
    expect(neutralize('emoji 😀 ok')).toBe('emoji 😀 ok');
  });
});

describe('escapeControlsForJson', () => {
  it('escapes DEL and C1, which JSON.stringify leaves raw, and the JSON still reads back the same', () => {
    const json = JSON.stringify({ text: 'a\u009b2J\u007fb' });
    const safe = escapeControlsForJson(json);
    expect(safe).not.toMatch(/[\u007f-\u009f]/);
    expect(JSON.parse(safe)).toEqual({ text: 'a\u009b2J\u007fb' });
  });

  it('escapes the bidi controls and lone surrogates neutralize escapes, and the JSON reads back the same', () => {
    const value = { text: 'a\u202eb\u2066c', lone: 'x\ud800y' };
    const safe = escapeControlsForJson(JSON.stringify(value));
    expect(safe).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(JSON.parse(safe)).toEqual(value);
    expect(escapeControlsForJson('not json \u202e \udc00')).toBe('not json \\u202e \\udc00');
  });

  it('makes data that is not JSON safe too', () => {
    expect(escapeControlsForJson('{"bad": \u001b]0;title\u0007')).toBe('{"bad": \\u001b]0;title\\u0007');
  });
});

describe('keepOnlySgr', () => {
  it('neutralizes what a renderer decoded back from entities, keeping colour codes', () => {
    const rendered =
      '\u001b[1mtitle\u001b[22m \u202eevil\u001b]8;;http://x/\u0007link\u001b]8;;\u0007 \u001b[2J\u009b';
    expect(keepOnlySgr(rendered, true)).toBe('\u001b[1mtitle\u001b[22m \\u202eevillink \\x9b');
    expect(keepOnlySgr(rendered, false)).toBe('title \\u202eevillink \\x9b');
  });
});

describe('cutText', () => {
  it('cuts to a length, one short rather than half a surrogate pair', () => {
    expect(cutText('ab😀c', 3)).toBe('ab');
    expect(cutText('ab😀c', 4)).toBe('ab😀');
    expect(cutText('abc', 5)).toBe('abc');
  });
});
