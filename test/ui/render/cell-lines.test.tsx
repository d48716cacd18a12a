import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../src/store/cell.js';
import { CellLineCache } from '../../../src/ui/render/cell-lines.js';
import { metricsLine } from '../../../src/ui/render/cell-status.js';
import { body, OPTIONS, textOf } from '../../support/cell-body.js';
import { withColour } from '../../support/colour.js';
import { conversationPane, paneLines } from '../../support/panes.js';
import { scenarioCells } from '../../support/scenario-cells.js';
import { plain } from '../harness.js';

describe('cell lines', () => {
  withColour();
  const { cells, cell } = scenarioCells();

  describe('a complete cell', () => {
    it("renders Markdown: a paragraph's **bold** loses its markers and '-' items become bullets", () => {
      const list = cell('list');
      expect(textOf(list)).toContain('**Meridian** is a fictional');
      const lines = body(list);
      expect(lines[0]).toMatch(/^Meridian is a fictional document database/);
      const raw = new CellLineCache().lines(list, OPTIONS);
      expect(raw[1]).toContain('\u001b[1mMeridian\u001b[22m'); // bold
      const items = lines.filter((line) => /^\s*\* /.test(line));
      expect(items).toHaveLength(3);
      expect(lines.join('\n')).not.toMatch(/^- /m);
    });

    it('renders Markdown inside list items: **bold** and `code` lose their markers', () => {
      const lines = body(cell('list'));
      const item = lines.find((line) => line.includes('Time-travel reads'));
      expect(item).toMatch(/^\s*\* Time-travel reads: AS OF works on every collection\.$/);
      expect(lines.join('\n')).not.toContain('**');
    });

    it('/raw shows the Markdown source as plain text', () => {
      const lines = body(cell('list'), { rawText: true });
      expect(lines.join('\n')).toContain('**Meridian** is a fictional');
      expect(lines).toContain('- **Time-travel reads**: `AS OF` works on every collection.');
    });

    it('renders a fenced code block without its fences, keeping its indentation', () => {
      const code = cell('code');
      const lines = body(code);
      expect(lines.join('\n')).not.toContain('```');
      const signature = lines.find((line) => line.includes('export async function* readEvents'));
      const decoder = lines.find((line) => line.includes('const decoder = new TextDecoder();'));
      expect(signature).toBeDefined();
      expect(decoder).toBeDefined();
      const indentOf = (line: string | undefined) => /^\s*/.exec(line ?? '')?.[0].length ?? 0;
      expect(indentOf(decoder)).toBeGreaterThan(indentOf(signature));
      expect(body(code, { rawText: true })).toContain('```ts');
    });

    it("ends with the metrics line 'end_turn · TTFT … · total … · N tokens · … tok/s'", () => {
      const chat = cell('chat');
      const lines = body(chat);
      const metrics = lines.at(-2);
      expect(metrics).toMatch(
        /^end_turn · TTFT (\d+ ms|\d+\.\d\d s) · total (\d+ ms|\d+\.\d\d s) · \d+ tokens · \d+\.\d tok\/s$/,
      );
      expect(metrics).toContain(`· ${chat.metrics?.outputTokens} tokens ·`);
      expect(metrics).toBe(metricsLine(chat));
      expect(lines.at(-1)).toBe('');
    });

    it('shows thinking dimmed and italic under ▾ thinking by default, before the text', () => {
      const thinking = cell('thinking');
      const raw = new CellLineCache().lines(thinking, OPTIONS);
      const lines = raw.map(plain);
      const head = lines.findIndex((line) => line.endsWith('▾ thinking'));
      expect(head).toBe(1);
      const thought = textOf(thinking, 0);
      expect(thought.length).toBeGreaterThan(20);
      const shown = raw.slice(head + 1).filter((line) => plain(line).includes(thought.slice(0, 20)));
      expect(shown).toHaveLength(1);
      expect(shown[0]).toContain('\u001b[2m'); // dim
      expect(shown[0]).toContain('\u001b[3m'); // italic
      const text = lines.findIndex((line) => line.includes(textOf(thinking, 1).slice(0, 20)));
      expect(text).toBeGreaterThan(head + 1);
    });

    it('collapses thinking to one line when hidden (Ctrl+O), keeping the text', () => {
      const thinking = cell('thinking');
      const lines = body(thinking, { thinkingHidden: true });
      const thought = textOf(thinking, 0);
      expect(lines[0]).toBe(`▸ thinking · ${thought.length} chars hidden (Ctrl+O shows)`);
      expect(lines.join('\n')).not.toContain(thought.slice(0, 30));
      expect(lines.join('\n')).toContain(textOf(thinking, 1).slice(0, 30));
    });

    it("shows a tool_use block's name and its input JSON", () => {
      const tool = cell('tool-use');
      const input = tool.message?.content.find((b) => b.type === 'tool_use');
      expect(input?.type).toBe('tool_use');
      const lines = body(tool);
      const head = lines.indexOf('⚙ tool_use get_weather');
      expect(head).toBeGreaterThan(0);
      expect(lines[head + 1]).toBe(`  ${JSON.stringify(input?.type === 'tool_use' ? input.input : null)}`);
      expect(lines.at(-2)).toMatch(/^tool_use · TTFT/);
    });

    it('lists server-tool citations under the text they support', () => {
      const server = cell('server-tool');
      const lines = body(server);
      const withCitations = server.blocks.filter((b) => b.citations.length > 0);
      expect(withCitations.length).toBeGreaterThan(0);
      expect(lines[0]).toBe('⚙ server_tool_use web_search');
      expect(lines).toContain('◆ web_search_tool_result');
      for (const block of withCitations) {
        const c = block.citations[0] as { title: string; url: string };
        const citation = lines.findIndex((line) => line.startsWith(`[1] ${c.title} —`));
        expect(citation).toBeGreaterThan(0);
        const start = block.text.replace(/[`*]/g, '').trim().split(/\s+/).slice(0, 3).join(' ');
        const textAt = lines.findIndex((line) => line.startsWith(start));
        expect(textAt).toBeGreaterThanOrEqual(0);
        expect(citation).toBeGreaterThan(textAt);
        // The whole URL is there, however it wrapped.
        expect(lines.slice(citation, citation + 4).join('')).toContain(c.url);
      }
    });

    it('shows an unknown block type as it came, not dropped', () => {
      const unknown = cell('unknown-event');
      const types = unknown.blocks.map((b) => b.type);
      const odd = types.find((t) => t !== 'text');
      expect(odd).toBeDefined();
      expect(body(unknown)).toContain(`◆ ${odd} (kept as it came)`);
    });

    it.each([
      ['server-tool', /^\s+\[1\] Streaming Messages - Anthropic —/],
      ['unknown-event', /^\s+◆ future_widget \(kept as it came\)$/],
      ['tool-use', /^\s+\{"location":"San Francisco, CA","unit":"celsius"\}$/],
    ])('the ConversationPane shows the %s cell as the user sees it', async (name, expected) => {
      const lines = await paneLines(
        conversationPane({ cells: [cell(name)], size: { width: 100, height: 40 } }),
      );
      expect(lines).toHaveLength(40);
      expect(lines).toContainEqual(expect.stringMatching(expected));
    });

    it('marks the selected cell by its In label', () => {
      const chat = cell('chat');
      const selected = new CellLineCache().lines(chat, { ...OPTIONS, selected: true });
      const normal = new CellLineCache().lines(chat, OPTIONS);
      expect(selected[0]).toContain('\u001b[7m');
      expect(normal[0]).not.toContain('\u001b[7m');
      expect(plain(selected[0])).toBe(plain(normal[0]));
    });

    it.each([40, 55, 80])(
      'keeps every line of every cell within %i columns (Ink would cut it off)',
      (width) => {
        const tooWide: string[] = [];
        for (const [name, c] of Object.entries(cells)) {
          for (const [rawText, thinkingHidden] of [
            [false, false],
            [true, false],
            [false, true],
          ] as const) {
            for (const line of new CellLineCache().lines(c, { ...OPTIONS, width, rawText, thinkingHidden })) {
              if (stringWidth(line) > width) tooWide.push(`${name}: ${plain(line)}`);
            }
          }
        }
        expect(tooWide).toEqual([]);
      },
    );
  });

  describe('data plainness', () => {
    it('a finished cell survives JSON.parse(JSON.stringify(cell)) with its message, events and metrics', () => {
      for (const c of Object.values(cells)) {
        const copy = JSON.parse(JSON.stringify(c)) as Cell;
        expect(copy.message).toEqual(c.message);
        expect(copy.events).toEqual(c.events);
        expect(copy.events).toHaveLength(c.eventCount);
        expect(copy.metrics).toEqual(c.metrics);
        expect(copy.attempts).toEqual(c.attempts);
        expect(copy.blocks).toEqual(c.blocks);
        expect(copy).toEqual(c);
        // And it lays out exactly as the original.
        expect(new CellLineCache().lines(copy, OPTIONS)).toEqual(new CellLineCache().lines(c, OPTIONS));
      }
    });
  });
});
