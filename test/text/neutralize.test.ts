import { describe, expect, it } from 'vitest';
import { escapeControlsForJson, neutralize } from '../../src/text/neutralize.js';

describe('neutralize', () => {
  it('shows every control character as a visible stand-in, keeping newlines and tabs', () => {
    expect(neutralize('a\u001b]52;c;aGk=\u0007b')).toBe('a␛]52;c;aGk=␇b');
    expect(neutralize('x\u009b2Jy\u007f')).toBe('x\\x9b2Jy␡');
    expect(neutralize('line\n\tnext')).toBe('line\n\tnext');
  });
});

describe('escapeControlsForJson', () => {
  it('escapes DEL and C1, which JSON.stringify leaves raw, and the JSON still reads back the same', () => {
    const json = JSON.stringify({ text: 'a\u009b2J\u007fb' });
    const safe = escapeControlsForJson(json);
    expect(safe).not.toMatch(/[\u007f-\u009f]/);
    expect(JSON.parse(safe)).toEqual({ text: 'a\u009b2J\u007fb' });
  });

  it('makes data that is not JSON safe too', () => {
    expect(escapeControlsForJson('{"bad": \u001b]0;title\u0007')).toBe('{"bad": \\u001b]0;title\\u0007');
  });
});
