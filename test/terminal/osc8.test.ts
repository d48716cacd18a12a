import { Box, Text } from 'ink';
import { render } from 'ink-testing-library';
import { createElement } from 'react';
import stripAnsi from 'strip-ansi';
import { describe, expect, it } from 'vitest';
import { keepOnlySgr } from '../../src/terminal/keep-sgr.js';
import { neutralize } from '../../src/terminal/neutralize.js';
import { LINK_CLOSE, linkOpen, linkUrls } from '../../src/terminal/osc8.js';
import { renderMarkdown } from '../../src/ui/render/markdown.js';
import { wrap } from '../../src/ui/render/wrap.js';
import { unsafeOnTerminal } from '../support/hostile.js';
import { loadRenderers } from '../ui/harness.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: OSC 8 is ESC ] 8 ; params ; URL, then BEL
const OSC8 = /\u001b\]8;;([^\u001b\u0007]*)\u0007/g;

/** Each row's links: the URL each open names, in order (closes are empty URLs). */
function linksPerRow(rows: readonly string[]): string[][] {
  return rows.map((row) => [...row.matchAll(OSC8)].map((m) => m[1] ?? ''));
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: a link's open, then its text
const LINK_WITH_TEXT = /\u001b\]8;;([^\u001b\u0007]+)\u0007([^\u001b]*)/g;

const LONG = 'https://example.com/a/very/long/path/that/wraps/over/rows?q=1';

describe('OSC 8 links we emit', () => {
  it('links http and https URLs only, leaving sentence punctuation outside', () => {
    expect(linkUrls('see https://a.io/b.')).toBe(
      `see ${linkOpen('https://a.io/b')}https://a.io/b${LINK_CLOSE}.`,
    );
    expect(linkUrls('(http://a.io/Foo_(bar))')).toBe(
      `(${linkOpen('http://a.io/Foo_(bar)')}http://a.io/Foo_(bar)${LINK_CLOSE})`,
    );
    expect(linkUrls('ftp://a.io/x javascript:alert(1) file:///etc/passwd')).toBe(
      'ftp://a.io/x javascript:alert(1) file:///etc/passwd',
    );
    // A neutralized control ends a URL: it can never carry an escape into the link.
    expect(linkUrls(neutralize('https://a.io/\u001b]8;;x'))).toBe(
      `${linkOpen('https://a.io/')}https://a.io/${LINK_CLOSE}␛]8;;x`,
    );
  });

  it('a URL wrapped over rows is a link to the whole URL on each row, opened and closed there', () => {
    const rows = wrap(linkUrls(`See ${LONG} and more`), 30);
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.map((row) => stripAnsi(row).replace(/ /g, '')).join('')).toBe(`See${LONG}andmore`);
    // "See" alone, then the URL's pieces (the last with "and more" after its link closes).
    expect(rows[0]).toBe('See');
    expect(linksPerRow(rows)).toEqual(rows.map((_, i) => (i === 0 ? [] : [LONG, ''])));
    expect(stripAnsi(rows.at(-1) ?? '')).toBe('1 and more');
  });

  it('a finished reply in Markdown links a long URL on every row it takes', async () => {
    await loadRenderers();
    const rows = renderMarkdown(`See ${LONG} and [docs](https://docs.example.com/x).`, 30, true);
    const withLong = linksPerRow(rows).filter((row) => row.includes(LONG));
    expect(withLong.length).toBeGreaterThan(1);
    expect(rows.join('\n')).toContain(`${linkOpen('https://docs.example.com/x')}https://docs.example.com/x`);
  });

  it('a link the model sends is neutralized, never passed on', async () => {
    await loadRenderers();
    const hostile = `\u001b]8;;https://evil.example/\u001b\\click\u001b]8;;\u001b\\`;
    const shown = renderMarkdown(hostile, 80, true).join('\n');
    expect(stripAnsi(shown)).toContain('␛]8;;https://evil.example/␛\\click␛]8;;␛\\');
    // The only links are ours: each shows the very URL it leads to.
    for (const [, url, text] of shown.matchAll(LINK_WITH_TEXT)) expect(text).toBe(url);
    expect(keepOnlySgr(hostile, true)).not.toContain('\u001b]8');
  });

  it('Ink gives a link no width: a row of exactly the pane width is not cut', () => {
    const row = `ab ${linkOpen(LONG)}https://x.io/a${LINK_CLOSE} cd`;
    const { lastFrame, unmount } = render(
      createElement(Box, { width: 20 }, createElement(Text, { wrap: 'truncate-end' }, row)),
    );
    expect(stripAnsi(lastFrame() ?? '')).toBe('ab https://x.io/a cd');
    expect(lastFrame()).toContain(`${linkOpen(LONG)}https://x.io/a${LINK_CLOSE}`);
    unmount();
  });

  /** `left` in a pane `width` wide with a bordered pane beside each of its rows, as real Ink draws the two. */
  function besidePane(left: string, width: number): string[] {
    const { lastFrame, unmount } = render(
      createElement(
        Box,
        { width: width + 12 },
        createElement(Box, { width, flexShrink: 0 }, createElement(Text, {}, left)),
        createElement(Text, {}, Array(left.split('\n').length).fill('│ other pane').join('\n')),
      ),
    );
    const frame = lastFrame() ?? '';
    unmount();
    return frame.split('\n');
  }

  // Seed 1602861340 of hostile-text.property.test.tsx: a Markdown link the reply left open,
  // `[l](http://e/…[l](http://e/`, put two of our links on a conversation row that fit the pane;
  // Ink's Output counted each of their bytes as a column, so the event detail pane beside it
  // was drawn over the row's tail and the tail's link close was left on screen alone.
  it('a row holding links, beside the event detail, keeps the border in its column and leaks no ESC', () => {
    const left = linkUrls('[l](http://e/ x [l](http://e/');
    for (const row of besidePane(left, 40)) {
      expect(unsafeOnTerminal(row), row).toBeUndefined();
      expect(stripAnsi(row).indexOf('│'), row).toBe(40);
    }
  });

  // Seed -420452860: the same, for a long URL cut at the pane's edge, each row exactly the
  // pane's width: the neighbour's write cut the row's link and left its close alone.
  it('a URL cut at the edge of its pane, beside another pane, keeps each piece a whole link', () => {
    const rows = besidePane(wrap(linkUrls(LONG), 20).join('\n'), 20);
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) {
      expect(unsafeOnTerminal(row), row).toBeUndefined();
      expect(stripAnsi(row).indexOf('│'), row).toBe(20);
    }
    expect(rows.map((row) => stripAnsi(row).slice(0, 20).trimEnd()).join('')).toBe(LONG);
  });

  // Seed -420452860 once links ended with BEL: Ink's Output keeps our close as a style and
  // ends it again where the row's text ends, a close with no link open, which does nothing.
  it('text after a link on its row: Ink closes the link once more, and opens nothing', () => {
    const [row] = besidePane(linkUrls(neutralize('http://e/\u001b[A&#27;[2J')), 24);
    expect(row).toContain(`${LINK_CLOSE}␛[A&#27;[2J${LINK_CLOSE}`);
    expect(unsafeOnTerminal(row ?? '')).toBeUndefined();
    expect(stripAnsi(row ?? '').indexOf('│')).toBe(24);
  });
});
