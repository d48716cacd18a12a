import chalk from 'chalk';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TurnUpdate } from '../../../src/engine/types.js';
import { applyUpdate, type Cell } from '../../../src/store/cell.js';
import { neutralize } from '../../../src/terminal/neutralize.js';
import { CellLineCache, type CellLineOptions } from '../../../src/ui/render/cell-lines.js';
import { metricsLine } from '../../../src/ui/render/cell-status.js';
import { conversationPane, paneLines } from '../../support/panes.js';
import {
  cellFrom,
  eventually,
  loadRenderers,
  notebook,
  plain,
  runCell,
  runCells,
  tick,
  turnUpdates,
} from '../harness.js';

describe('cell lines', () => {
  const OPTIONS: CellLineOptions = { width: 100, rawText: false, thinkingHidden: false, selected: false };
  const INVERSE_SPACE = '\u001b[7m \u001b[27m';

  function show(cell: Cell, options: Partial<CellLineOptions> = {}): string[] {
    return new CellLineCache().lines(cell, { ...OPTIONS, ...options }).map(plain);
  }

  /** The body of the cell (what follows "Out[n]:"), without the label and its indent. */
  function body(cell: Cell, options: Partial<CellLineOptions> = {}): string[] {
    const lines = show(cell, options);
    const out = lines.findIndex((line) => line.startsWith(`Out[${cell.id}]:`));
    return lines.slice(out).map((line) => line.slice(`Out[${cell.id}]: `.length));
  }

  function textOf(cell: Cell, index = 0): string {
    return cell.blocks.find((b) => b.index === index)?.text ?? '';
  }

  let savedLevel: typeof chalk.level;
  const cells: Record<string, Cell> = {};
  let chatUpdates: TurnUpdate[];
  let retryUpdates: TurnUpdate[];

  beforeAll(async () => {
    savedLevel = chalk.level;
    chalk.level = 1;
    await loadRenderers();
    const named: Array<[string, Promise<Cell>]> = [
      ['chat', runCell('chat')],
      ['thinking', runCell('thinking', { thinkingBudget: 1024 })],
      ['tool-use', runCell('tool-use')],
      ['server-tool', runCell('server-tool')],
      ['overloaded', runCell('overloaded')],
      ['unauthorized', runCell('unauthorized')],
      ['dropped', runCell('dropped')],
      ['unknown-event', runCell('unknown-event')],
      ['list', runCells('chat', ['describe a database schema']).then((c) => c[0] as Cell)],
      ['code', runCells('chat', ['write some typescript code']).then((c) => c[0] as Cell)],
    ];
    const done = await Promise.all(named.map(([, cell]) => cell));
    named.forEach(([name], i) => {
      cells[name] = done[i] as Cell;
    });
    [chatUpdates, retryUpdates] = await Promise.all([turnUpdates('chat'), turnUpdates('overloaded-529')]);
  });

  afterAll(() => {
    chalk.level = savedLevel;
  });

  function cell(name: string): Cell {
    const found = cells[name];
    if (!found) throw new Error(`no ${name} cell`);
    return found;
  }

  describe('a streaming cell', () => {
    it('shows the text so far, ending in the inverse cursor, and no metrics yet', () => {
      const third = chatUpdates.filter((u) => u.type === 'text')[2];
      const upTo = chatUpdates.indexOf(third as TurnUpdate);
      const streaming = cellFrom(chatUpdates.slice(0, upTo + 1));
      expect(streaming.status).toBe('streaming');
      const lines = new CellLineCache().lines(streaming, OPTIONS);
      const text = textOf(streaming);
      expect(text.length).toBeGreaterThan(0);
      expect(plain(lines[1])).toBe(`Out[1]: ${text} `);
      expect(lines[1]?.endsWith(INVERSE_SPACE)).toBe(true);
      expect(lines.map(plain).join('\n')).not.toMatch(/TTFT|end_turn/);
    });

    it("says 'waiting…' with the cursor before the first block", () => {
      const first = chatUpdates.findIndex((u) => u.type === 'block_start');
      const waiting = cellFrom(chatUpdates.slice(0, first));
      const lines = new CellLineCache().lines(waiting, OPTIONS);
      expect(plain(lines[1])).toBe('Out[1]: waiting… ');
      expect(lines[1]?.endsWith(INVERSE_SPACE)).toBe(true);
    });

    it("says 'retrying (attempt 2)…' while the SDK retries a 529", () => {
      const retry = retryUpdates.findIndex((u) => u.type === 'attempt' && u.attempt.attempt === 1);
      expect(retry).toBeGreaterThan(0);
      const retrying = cellFrom(retryUpdates.slice(0, retry + 1));
      expect(plain(new CellLineCache().lines(retrying, OPTIONS)[1])).toBe('Out[1]: retrying (attempt 2)… ');
    });

    it('shows a visible cursor even without colour (NO_COLOR)', () => {
      const third = chatUpdates.filter((u) => u.type === 'text')[2];
      const streaming = cellFrom(chatUpdates.slice(0, chatUpdates.indexOf(third as TurnUpdate) + 1));
      const level = chalk.level;
      chalk.level = 0;
      try {
        const lines = new CellLineCache().lines(streaming, OPTIONS);
        // Without colour an inverse space is a plain space: the cursor has to be a visible glyph.
        expect(lines[1]?.trimEnd()).toMatch(/[▍█▌▎_]$/);
      } finally {
        chalk.level = level;
      }
    });

    it('laid out delta by delta, matches a fresh layout of the same cell at every step', () => {
      const layout = new CellLineCache();
      let current = cellFrom([]);
      for (const update of chatUpdates) {
        // The session's own path: one update at a time onto the previous version.
        current = applyUpdate(current, update);
        const narrow = { ...OPTIONS, width: 30 };
        expect(layout.lines(current, narrow)).toEqual(new CellLineCache().lines(current, narrow));
      }
      expect(current.status).toBe('complete');
    });
  });

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

  describe('a failed cell', () => {
    it('keeps the partial text and adds ✗ with the one-line error (an error event mid-stream)', () => {
      const failed = cell('overloaded');
      expect(failed.status).toBe('failed');
      const lines = body(failed, { width: 200 });
      const partial = textOf(failed);
      expect(partial.length).toBeGreaterThan(0);
      expect(lines[0]).toBe(partial.trim());
      expect(lines[1]).toBe(`✗ ${failed.error?.message}`);
      expect(lines[1]).toMatch(/^✗ overloaded_error mid-stream: Overloaded \(request-id req_\w+\)$/);
      expect(lines[2]).toMatch(/^failed · TTFT/);
    });

    it('shows an HTTP error with no text', () => {
      const failed = cell('unauthorized');
      const lines = body(failed, { width: 200 });
      expect(lines[0]).toMatch(/^✗ HTTP 401 authentication_error: .* \(request-id req_\w+\)$/);
      expect(lines[1]).toMatch(/^failed · TTFT – · total (\d+ ms|\d+\.\d\d s) · /);
      expect(lines[1]).toMatch(/– tokens · – tok\/s$/);
    });

    it('keeps the partial text of a dropped connection', () => {
      const failed = cell('dropped');
      const lines = body(failed, { width: 200 });
      expect(lines[0]).toBe(textOf(failed).trim());
      expect(lines[1]).toMatch(/^✗ connection dropped/);
    });

    it('shows the error in red', () => {
      const raw = new CellLineCache().lines(cell('overloaded'), OPTIONS);
      const error = raw.find((line) => plain(line).includes('✗'));
      expect(error).toContain('\u001b[31m');
    });
  });

  describe('an interrupted cell', () => {
    it("keeps the partial text and says '⏸ interrupted'", async () => {
      const nb = await notebook({ scenario: 'long:80', pace: { deltasPerSecond: 60 } });
      try {
        nb.session.submit('tell me a long story');
        await eventually(() => expect(textOf(nb.session.state.cells[0] as Cell).length).toBeGreaterThan(10));
        expect(nb.session.interrupt()).toBe(true);
        await nb.session.settled();
        await tick(20);
        const interrupted = nb.session.state.cells[0] as Cell;
        expect(interrupted.status).toBe('interrupted');
        const lines = body(interrupted, { width: 400 });
        const partial = neutralize(textOf(interrupted));
        expect(lines.join(' ')).toContain(partial.trim().split('\n')[0]);
        const mark = lines.indexOf('⏸ interrupted');
        expect(mark).toBeGreaterThan(0);
        expect(lines[mark + 1]).toMatch(/^interrupted · TTFT (\d+ ms|\d+\.\d\d s) · total/);
      } finally {
        await nb.close();
      }
    });
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
