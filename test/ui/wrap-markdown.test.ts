import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/ui/render/markdown.js';

const PLAIN_NOTE = /shown as plain text: Markdown is rendered up to 8 KiB a paragraph and 64 KiB a reply/;

describe('Markdown reflow of a finished reply', () => {
  it('keeps clusters whole and rows within the width', () => {
    const rows = renderMarkdown('**bold** 👨‍👩‍👧 and 🇫🇷 and cafe\u0301 中文中文中文 '.repeat(20), 30, false);
    for (const row of rows) expect(stringWidth(row)).toBeLessThanOrEqual(30);
    expect(rows.join('')).toContain('👨‍👩‍👧');
    expect(rows.join('')).not.toContain('**');
  });

  it('shows a 256 KiB line with no space as plain rows, and says why', () => {
    const rows = renderMarkdown('x'.repeat(256 * 1024), 100, true);
    expect(rows.at(-1)).toMatch(PLAIN_NOTE);
    expect(rows.slice(0, -1).every((row) => row === 'x'.repeat(100) || /^x+$/.test(row))).toBe(true);
    expect(rows.slice(0, -1).join('').length).toBe(256 * 1024);
  });

  it('leaves a paragraph that would make the parser quadratic as plain text', () => {
    // 16 KiB of `_a` took marked about a second; 64 KiB, eight.
    expect(renderMarkdown('_a'.repeat(8 * 1024), 100, false).at(-1)).toMatch(PLAIN_NOTE);
  });

  it('still renders a long code block, which parses in linear time', () => {
    const code = `\`\`\`js\n${'const a = 1;\n'.repeat(2000)}\`\`\``;
    const rows = renderMarkdown(code, 100, false);
    expect(rows.join('\n')).not.toMatch(PLAIN_NOTE);
    expect(rows.join('\n')).not.toContain('```');
  });
});
