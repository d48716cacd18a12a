import { describe, expect, it } from 'vitest';
import { GrowingWrap, wrap } from '../../src/ui/render/wrap.js';

describe('wrap', () => {
  it('expands tabs to spaces, so a tab-indented line keeps its width', () => {
    expect(wrap('func main() {\n\tif x {', 40)).toEqual(['func main() {', '    if x {']);
    expect(wrap('\t'.repeat(20), 40).every((line) => line.length <= 40 && !line.includes('\t'))).toBe(true);
  });

  it('keeps a line that fits exactly as it is, and wraps a long one under its indent', () => {
    expect(wrap('  short', 10)).toEqual(['  short']);
    expect(wrap('  one two three four', 10)).toEqual(['  one two', '  three', '  four']);
  });

  it('breaks rows between clusters, at the widths a terminal draws them', () => {
    expect(wrap('ab👨‍👩‍👧', 3)).toEqual(['ab', '👨‍👩‍👧']);
    expect(wrap('🇫🇷🇩🇪🇮🇹', 4)).toEqual(['🇫🇷🇩🇪', '🇮🇹']);
    expect(wrap('cafe\u0301 au lait', 5)).toEqual(['cafe\u0301', 'au', 'lait']);
    expect(wrap('中文中文', 5)).toEqual(['中文', '中文']);
  });

  it('closes a style at a row break and opens it again on the next row', () => {
    const red = '\u001b[31m';
    expect(wrap(`${red}one two three\u001b[39m plain`, 8)).toEqual([
      `${red}one two\u001b[0m`,
      `${red}three\u001b[39m`,
      'plain',
    ]);
  });

  it('cuts a word longer than the row into full rows', () => {
    expect(wrap('see abcdefghij', 4)).toEqual(['see', 'abcd', 'efgh', 'ij']);
  });
});

describe('GrowingWrap', () => {
  it('gives the same lines as wrapping the whole text, delta by delta', () => {
    const growing = new GrowingWrap(20);
    const text =
      'The quick brown fox jumps over the lazy dog.\nA second paragraph, a little longer than the first one.';
    let lines: string[] = [];
    for (let i = 1; i <= text.length; i += 3) lines = growing.lines(text.slice(0, i));
    expect(growing.lines(text)).toEqual(wrap(text, 20));
    expect(lines.length).toBeGreaterThan(0);
  });

  it('starts over when a stream restarts a block with shorter text, instead of failing', () => {
    const growing = new GrowingWrap(20);
    growing.lines('first line\nsecond line');
    expect(growing.lines('new')).toEqual(['new']);
  });
});
