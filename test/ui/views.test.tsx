import chalk from 'chalk';
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClipboard } from '../../src/clipboard/clipboard.js';
import type { TurnUpdate, WireEvent } from '../../src/engine/types.js';
import { KNOWN_EVENT_TYPES } from '../../src/engine/types.js';
import { applyUpdate, type Cell } from '../../src/store/cell.js';
import type { TimelineView } from '../../src/store/session-state.js';
import { keepOnlySgr } from '../../src/terminal/keep-sgr.js';
import { neutralize } from '../../src/terminal/neutralize.js';
import { App } from '../../src/ui/App.js';
import { ConversationPane } from '../../src/ui/components/ConversationPane.js';
import { EventDetail } from '../../src/ui/components/EventDetail.js';
import { TimelinePane } from '../../src/ui/components/TimelinePane.js';
import { formatBytes } from '../../src/ui/format.js';
import { type CellLineOptions, CellLines, metricsLine } from '../../src/ui/render/cell-lines.js';
import { conversationWindow } from '../../src/ui/render/conversation-window.js';
import { type ScreenLayout, screenLayout } from '../../src/ui/render/screen-layout.js';
import { TimelineRows } from '../../src/ui/render/timeline-rows.js';
import {
  cellFrom,
  cellFromEvents,
  eventually,
  loadRenderers,
  type Notebook,
  notebook,
  notebookWithEvents,
  plain,
  renderApp,
  renderAppFor,
  renderSized,
  runCell,
  runCells,
  type SseEvent,
  stream,
  textBlock,
  tick,
  turnUpdates,
  updatesFromEvents,
} from './harness.js';

/** Colour and style codes, the only escapes allowed on screen. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: SGR starts with ESC
const SGR = /\u001b\[[\d;]*m/g;
/** What could start an escape sequence: ESC, BEL (ends OSC), and the C1 CSI and OSC. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const ESCAPE_STARTERS = /[\u001b\u0007\u009b\u009d]/;

describe('cell lines', () => {
  const OPTIONS: CellLineOptions = { width: 100, rawText: false, thinkingHidden: false, selected: false };
  const INVERSE_SPACE = '\u001b[7m \u001b[27m';

  function show(cell: Cell, options: Partial<CellLineOptions> = {}): string[] {
    return new CellLines().lines(cell, { ...OPTIONS, ...options }).map(plain);
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
      const lines = new CellLines().lines(streaming, OPTIONS);
      const text = textOf(streaming);
      expect(text.length).toBeGreaterThan(0);
      expect(plain(lines[1])).toBe(`Out[1]: ${text} `);
      expect(lines[1]?.endsWith(INVERSE_SPACE)).toBe(true);
      expect(lines.map(plain).join('\n')).not.toMatch(/TTFT|end_turn/);
    });

    it("says 'waiting…' with the cursor before the first block", () => {
      const first = chatUpdates.findIndex((u) => u.type === 'block_start');
      const waiting = cellFrom(chatUpdates.slice(0, first));
      const lines = new CellLines().lines(waiting, OPTIONS);
      expect(plain(lines[1])).toBe('Out[1]: waiting… ');
      expect(lines[1]?.endsWith(INVERSE_SPACE)).toBe(true);
    });

    it("says 'retrying (attempt 2)…' while the SDK retries a 529", () => {
      const retry = retryUpdates.findIndex((u) => u.type === 'attempt' && u.attempt.attempt === 1);
      expect(retry).toBeGreaterThan(0);
      const retrying = cellFrom(retryUpdates.slice(0, retry + 1));
      expect(plain(new CellLines().lines(retrying, OPTIONS)[1])).toBe('Out[1]: retrying (attempt 2)… ');
    });

    it('shows a visible cursor even without colour (NO_COLOR)', () => {
      const third = chatUpdates.filter((u) => u.type === 'text')[2];
      const streaming = cellFrom(chatUpdates.slice(0, chatUpdates.indexOf(third as TurnUpdate) + 1));
      const level = chalk.level;
      chalk.level = 0;
      try {
        const lines = new CellLines().lines(streaming, OPTIONS);
        // Without colour an inverse space is a plain space: the cursor has to be a visible glyph.
        expect(lines[1]?.trimEnd()).toMatch(/[▍█▌▎_]$/);
      } finally {
        chalk.level = level;
      }
    });

    it('laid out delta by delta, matches a fresh layout of the same cell at every step', () => {
      const layout = new CellLines();
      let current = cellFrom([]);
      for (const update of chatUpdates) {
        // The session's own path: one update at a time onto the previous version.
        current = applyUpdate(current, update);
        const narrow = { ...OPTIONS, width: 30 };
        expect(layout.lines(current, narrow)).toEqual(new CellLines().lines(current, narrow));
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
      const raw = new CellLines().lines(list, OPTIONS);
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
      const raw = new CellLines().lines(thinking, OPTIONS);
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
      const { lastFrame, unmount } = render(
        <ConversationPane
          cells={[cell(name)]}
          layout={new CellLines()}
          size={{ width: 100, height: 40 }}
          rawText={false}
          thinkingHidden={false}
          selected={null}
          focused={false}
          scroll={0}
          welcome={[]}
        />,
      );
      await tick(10);
      const lines = plain(lastFrame()).split('\n');
      unmount();
      expect(lines).toHaveLength(40);
      expect(lines).toContainEqual(expect.stringMatching(expected));
    });

    it('marks the selected cell by its In label', () => {
      const chat = cell('chat');
      const selected = new CellLines().lines(chat, { ...OPTIONS, selected: true });
      const normal = new CellLines().lines(chat, OPTIONS);
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
            for (const line of new CellLines().lines(c, { ...OPTIONS, width, rawText, thinkingHidden })) {
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
      const raw = new CellLines().lines(cell('overloaded'), OPTIONS);
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
        expect(new CellLines().lines(copy, OPTIONS)).toEqual(new CellLines().lines(c, OPTIONS));
      }
    });
  });
});

describe('hostile text', () => {
  const ESC = '\u001b';
  const BEL = '\u0007';
  const OSC52 = `${ESC}]52;c;aGFjaw==${BEL}`;
  const LINK = `${ESC}]8;;http://x${BEL}link${ESC}]8;;${BEL}`;
  const CLEAR = `${ESC}[2J`;
  const HOSTILE = `Look: ${OSC52} and ${LINK} and ${CLEAR} done`;
  const HOSTILE_PROMPT = `please ${LINK} then ${OSC52}`;

  /** The text with every SGR (colour/style) sequence removed: what must be left has no escapes at all. */
  function withoutSgr(text: string): string {
    return text.replace(SGR, '');
  }

  function expectOnlySgr(text: string): void {
    expect(keepOnlySgr(text, true)).toBe(text);
    expect(withoutSgr(text)).not.toMatch(ESCAPE_STARTERS);
  }

  const WIDE: CellLineOptions = { width: 120, rawText: false, thinkingHidden: false, selected: false };

  /** A reply whose text, a tool name, an unknown block type and a citation title carry escape sequences. */
  const HOSTILE_REPLY: SseEvent[] = stream([
    ...textBlock(0, HOSTILE.slice(0, 12), HOSTILE.slice(12)),
    {
      event: 'content_block_start',
      data: {
        type: 'content_block_start',
        index: 1,
        content_block: { type: 'tool_use', id: 'toolu_1', name: `evil${OSC52}`, input: {} },
      },
    },
    {
      event: 'content_block_delta',
      data: {
        type: 'content_block_delta',
        index: 1,
        delta: { type: 'input_json_delta', partial_json: '{"a":1}' },
      },
    },
    { event: 'content_block_stop', data: { type: 'content_block_stop', index: 1 } },
    {
      event: 'content_block_start',
      data: { type: 'content_block_start', index: 2, content_block: { type: `widget${OSC52}` } },
    },
    { event: 'content_block_stop', data: { type: 'content_block_stop', index: 2 } },
    {
      event: 'content_block_start',
      data: {
        type: 'content_block_start',
        index: 3,
        content_block: { type: 'text', text: '', citations: [] },
      },
    },
    {
      event: 'content_block_delta',
      data: {
        type: 'content_block_delta',
        index: 3,
        delta: {
          type: 'citations_delta',
          citation: {
            type: 'web_search_result_location',
            url: 'https://example.com/',
            title: `Title ${OSC52}`,
            encrypted_index: 'x',
            cited_text: 'cited',
          },
        },
      },
    },
    {
      event: 'content_block_delta',
      data: { type: 'content_block_delta', index: 3, delta: { type: 'text_delta', text: 'cited text' } },
    },
    { event: 'content_block_stop', data: { type: 'content_block_stop', index: 3 } },
  ]);

  /** Protocol fields a server chooses: an unknown event name, an unknown delta type, the stop reason. */
  const HOSTILE_FIELDS: SseEvent[] = stream(
    [
      ...textBlock(0, 'fine'),
      {
        event: 'content_block_start',
        data: { type: 'content_block_start', index: 1, content_block: { type: 'widget' } },
      },
      {
        event: 'content_block_delta',
        data: { type: 'content_block_delta', index: 1, delta: { type: `d${OSC52}` } },
      },
      { event: 'content_block_stop', data: { type: 'content_block_stop', index: 1 } },
      { event: `ev${OSC52}`, data: { type: 'surprise' } },
    ],
    `end_turn${OSC52}`,
  );

  let savedLevel: typeof chalk.level;
  let reply: Cell;
  let replyUpdates: TurnUpdate[];
  let fields: Cell;

  beforeAll(async () => {
    savedLevel = chalk.level;
    chalk.level = 1;
    await loadRenderers(); // colour on, so the frames carry SGR codes and the check is that only those remain
    [reply, replyUpdates, fields] = await Promise.all([
      cellFromEvents(HOSTILE_REPLY, HOSTILE_PROMPT),
      updatesFromEvents(HOSTILE_REPLY),
      cellFromEvents(HOSTILE_FIELDS, 'fields'),
    ]);
  });

  afterAll(() => {
    chalk.level = savedLevel;
  });

  describe('hostile text in a cell', () => {
    it('the turn really carried the escape sequences (the test is not vacuous)', () => {
      expect(reply.status).toBe('complete');
      expect(reply.blocks[0]?.text).toBe(HOSTILE);
      expect(reply.prompt).toBe(HOSTILE_PROMPT);
      expect(fields.metrics?.stopReason).toBe(`end_turn${OSC52}`);
    });

    it('shows a finished reply rendered as Markdown with ␛ stand-ins and no escape but SGR', () => {
      const lines = new CellLines().lines(reply, WIDE);
      for (const line of lines) expectOnlySgr(line);
      const text = lines.map(plain).join('\n');
      expect(text).toContain(neutralize(HOSTILE));
      expect(text).toContain('␛]52;c;aGFjaw==␇');
      expect(text).toContain('␛[2J');
    });

    it('shows a finished reply as raw text (/raw) with ␛ stand-ins and no escape but SGR', () => {
      const lines = new CellLines().lines(reply, { ...WIDE, rawText: true });
      for (const line of lines) expectOnlySgr(line);
      expect(lines.map(plain).join('\n')).toContain(neutralize(HOSTILE));
    });

    it('shows a streaming reply with ␛ stand-ins and no escape but SGR', () => {
      const lastText = replyUpdates.findLastIndex((u) => u.type === 'text' && u.index === 0);
      const streaming = cellFrom(replyUpdates.slice(0, lastText + 1), HOSTILE_PROMPT);
      expect(streaming.status).toBe('streaming');
      const lines = new CellLines().lines(streaming, WIDE);
      for (const line of lines) expectOnlySgr(line);
      expect(lines.map(plain).join('\n')).toContain(neutralize(HOSTILE));
    });

    it("neutralizes the prompt's hyperlink and clipboard sequences in the In line", () => {
      const lines = new CellLines().lines(reply, WIDE);
      expect(plain(lines[0])).toBe(`In [1]: ${neutralize(HOSTILE_PROMPT)}`);
      expect(plain(lines[0])).toContain('␛]8;;http://x␇link␛]8;;␇');
    });

    it('neutralizes a tool name, an unknown block type and a citation title', () => {
      const text = new CellLines()
        .lines(reply, WIDE)
        .map((line) => {
          expectOnlySgr(line);
          return plain(line);
        })
        .join('\n');
      expect(text).toContain(`⚙ tool_use ${neutralize(`evil${OSC52}`)}`);
      expect(text).toContain(`◆ ${neutralize(`widget${OSC52}`)}`);
      expect(text).toContain(`[1] ${neutralize(`Title ${OSC52}`)} — https://example.com/`);
    });

    it("neutralizes a server's stop_reason in the metrics line", () => {
      const lines = new CellLines().lines(fields, WIDE);
      for (const line of lines) expectOnlySgr(line);
      expect(lines.map(plain).join('\n')).toContain(`${neutralize(`end_turn${OSC52}`)} · TTFT`);
    });
  });

  describe('hostile text on the screen', () => {
    it('the App frame of a hostile reply and prompt has no escape but SGR, and shows ␛', async () => {
      const nb = await notebookWithEvents(HOSTILE_REPLY);
      const app = await renderAppFor(nb);
      try {
        await app.keys('\u0014'); // the conversation alone: its lines are wide enough to hold the text whole
        nb.session.submit(HOSTILE_PROMPT);
        await nb.session.settled();
        await tick(20);
        const frame = app.frame();
        expectOnlySgr(frame);
        expect(withoutSgr(frame)).toContain('␛]52;c;aGFjaw==␇');
        expect(withoutSgr(frame)).toContain('␛[2J');
        expect(withoutSgr(frame)).toContain('␛]8;;http://x␇link␛]8;;␇');
        // Up recalls the hostile prompt into the editor, where it is neutralized too.
        await app.keys('\u001b[A');
        const recalled = app.frame();
        expectOnlySgr(recalled);
        expect(app.text()).toContain(`› ${neutralize(HOSTILE_PROMPT).slice(0, 20)}`);
      } finally {
        await app.close();
      }
    });

    it('the timeline of a hostile reply has no escape but SGR (previews are neutralized)', async () => {
      const { lastFrame } = render(
        <TimelinePane
          cell={reply}
          rows={new TimelineRows()}
          view={{ hidePings: false, foldDeltas: false, cursor: null, detail: null, detailScroll: 0 }}
          size={{ width: 90, height: 40 }}
          focused={false}
        />,
      );
      await tick(20);
      expectOnlySgr(lastFrame() ?? '');
      // A text delta's preview is its JSON string, where ESC is the visible escape \u001b.
      expect(plain(lastFrame())).toContain(JSON.stringify(HOSTILE.slice(0, 12)));
      expect(plain(lastFrame())).toContain('"Look: \\u001b]52;c"');
      expect(plain(lastFrame())).toContain(`tool_use ${neutralize(`evil${OSC52}`)}`);
    });

    it("the timeline shows a server's unknown event name and delta type with ␛ stand-ins, not raw", async () => {
      const { lastFrame } = render(
        <TimelinePane
          cell={fields}
          rows={new TimelineRows()}
          view={{ hidePings: false, foldDeltas: false, cursor: null, detail: null, detailScroll: 0 }}
          size={{ width: 100, height: 30 }}
          focused={false}
        />,
      );
      await tick(20);
      const frame = lastFrame() ?? '';
      expectOnlySgr(frame);
      expect(plain(frame)).toContain('ev␛]52;c;aGFjaw==␇');
      expect(plain(frame)).toContain('d␛]52;c;aGFjaw==␇');
    });

    it("EventDetail shows a server's unknown event name in its title with ␛ stand-ins, not raw", async () => {
      const event = fields.events.find((e) => e.event?.startsWith('ev'));
      if (!event) throw new Error('the hostile event is missing');
      const { lastFrame } = render(<EventDetail event={event} size={{ width: 90, height: 10 }} scroll={0} />);
      await tick(20);
      expectOnlySgr(lastFrame() ?? '');
      expect(plain(lastFrame())).toContain(`· ${neutralize(`ev${OSC52}`)} ·`);
    });

    it('EventDetail shows malformed data with ␛ stand-ins', async () => {
      const data = `{"oops ${OSC52}`;
      const cell = await cellFromEvents(
        stream([...textBlock(0, 'x'), { event: 'content_block_delta', data }]),
      );
      const event = cell.events.find((e) => e.malformed);
      if (!event) throw new Error('the malformed event is missing');
      expect(event.data).toBe(data);
      const { lastFrame } = render(<EventDetail event={event} size={{ width: 90, height: 10 }} scroll={0} />);
      await tick(20);
      expectOnlySgr(lastFrame() ?? '');
      expect(plain(lastFrame())).toContain(neutralize(data));
    });
  });
});

describe('the timeline', () => {
  const VIEW: TimelineView = {
    hidePings: false,
    foldDeltas: false,
    cursor: null,
    detail: null,
    detailScroll: 0,
  };

  let savedLevel: typeof chalk.level;
  let chat: Cell;
  let overloaded529: Cell;
  let unknown: Cell;
  let chatUpdates: TurnUpdate[];

  beforeAll(async () => {
    savedLevel = chalk.level;
    chalk.level = 1;
    await loadRenderers();
    [chat, overloaded529, unknown, chatUpdates] = await Promise.all([
      runCell('chat'),
      runCell('overloaded-529'),
      runCell('unknown-event'),
      turnUpdates('chat'),
    ]);
  });

  afterAll(() => {
    chalk.level = savedLevel;
  });

  /** The pane's frame as lines of text. */
  async function pane(cell: Cell | undefined, view: Partial<TimelineView> = {}, width = 100, height = 200) {
    const { lastFrame, unmount } = render(
      <TimelinePane
        cell={cell}
        rows={new TimelineRows()}
        view={{ ...VIEW, ...view }}
        size={{ width, height }}
        focused={false}
      />,
    );
    await tick(15);
    const frame = lastFrame() ?? '';
    unmount();
    return { frame, lines: plain(frame).split('\n') };
  }

  function textDeltas(cell: Cell): WireEvent[] {
    return cell.events.filter(
      (e) =>
        e.event === 'content_block_delta' &&
        (e.json as { delta?: { type?: string } }).delta?.type === 'text_delta',
    );
  }

  describe('timeline rows', () => {
    it('lists the HTTP request and response, then every wire event in order', () => {
      const { rows } = new TimelineRows().rows(chat, VIEW);
      expect(rows.slice(0, 2).map((r) => [r.kind, r.name])).toEqual([
        ['http', 'request'],
        ['http', 'response'],
      ]);
      expect(rows[0]?.preview).toBe('POST /v1/messages');
      expect(rows[1]?.preview).toMatch(/^HTTP 200 · req_offline_\w+$/);
      expect(rows.slice(2).map((r) => [r.seq, r.name, r.t])).toEqual(
        chat.events.map((e) => [e.seq, e.event, e.t]),
      );
    });

    it('shows each row with +ms, the event type, the block index, the delta type and a preview', async () => {
      const { lines } = await pane(chat, {}, 160);
      const delta = textDeltas(chat)[1] as WireEvent;
      const text = (delta.json as { delta: { text: string } }).delta.text;
      const row = lines.find(
        (line) => line.includes(JSON.stringify(text)) && line.includes(`+${Math.round(delta.t)} `),
      );
      expect(row).toBeDefined();
      expect(row?.trim()).toBe(
        `+${Math.round(delta.t)} content_block_delta ${'0'.padEnd(3)} text_delta ${JSON.stringify(text)}`,
      );
      expect(lines).toContainEqual(
        expect.stringMatching(/^\s+\+\d+ message_start\s+msg_\w+ claude-sonnet-4-6 in=\d+$/),
      );
      expect(lines).toContainEqual(expect.stringMatching(/^\s+\+\d+ content_block_start\s+0\s+text$/));
      expect(lines).toContainEqual(expect.stringMatching(/^\s+\+\d+ message_delta\s+end_turn out=\d+$/));
      expect(lines[3]).toMatch(/^\s+ms event\s+idx delta · preview$/);
    });

    it('keeps the delta type in a narrow pane, shortened ahead of the preview, and no row wider than the pane', async () => {
      const { lines } = await pane(chat, {}, 50);
      expect(lines[3]).toMatch(/^\s+ms event\s+idx delta · preview$/);
      expect(lines).toContainEqual(expect.stringMatching(/^\s+\+\d+ content_block_delta 0\s+text "/));
      expect(lines.join('\n')).not.toContain('text_delta');
      expect(lines.every((line) => line.length <= 50)).toBe(true);
    });

    it('shows the HTTP attempts of a 529 then a 200, the failed one in red', async () => {
      const { lines, frame } = await pane(overloaded529, {}, 160);
      const http = lines.slice(4, 8).map((line) => line.replace(/^\s+\+\d+ /, '').replace(/\s+/g, ' '));
      expect(http[0]).toBe('request POST /v1/messages');
      expect(http[1]).toMatch(/^response HTTP 529 · req_offline_\w+ · retry-after \d+ ms$/);
      expect(http[2]).toBe('retry POST /v1/messages (attempt 2)');
      expect(http[3]).toMatch(/^response HTTP 200 · req_offline_\w+$/);
      const red = frame.split('\n').find((line) => line.includes('HTTP 529'));
      expect(red).toContain('\u001b[31m');
    });

    it('shows pings, and hides them with the filter while still counting them', async () => {
      expect(chat.events.some((e) => e.event === 'ping')).toBe(true);
      const shown = await pane(chat);
      expect(shown.lines).toContainEqual(expect.stringMatching(/^\s+\+\d+ ping\s*$/));
      expect(shown.lines[1]).toContain('p pings shown');
      const hidden = await pane(chat, { hidePings: true });
      expect(hidden.lines.some((line) => /^\s+\+\d+ ping\s*$/.test(line))).toBe(false);
      expect(hidden.lines[1]).toContain('p pings hidden');
      expect(hidden.lines[2]).toContain('ping 1');
      expect(hidden.lines.length).toBe(shown.lines.length);
    });

    it('folds a run of deltas into one row that counts them', () => {
      const { rows } = new TimelineRows().rows(chat, { ...VIEW, foldDeltas: true });
      const deltas = rows.filter((r) => r.name === 'content_block_delta');
      expect(deltas).toHaveLength(1);
      expect(deltas[0]?.count).toBe(textDeltas(chat).length);
      const first = (textDeltas(chat)[0]?.json as { delta: { text: string } } | undefined)?.delta.text ?? '';
      expect(deltas[0]?.preview.startsWith(`"${first}`)).toBe(true);
    });

    it('shows a folded run as one row marked ×N in the pane', async () => {
      const n = textDeltas(chat).length;
      const { lines } = await pane(chat, { foldDeltas: true });
      expect(lines.filter((line) => line.includes('content_block_delta'))).toHaveLength(1);
      expect(lines.join('\n')).toContain(`×${n}`);
    });

    it('counts every event type in the header', async () => {
      const { lines } = await pane(chat, {}, 160);
      const counts = chat.metrics?.eventCounts ?? {};
      const expected = Object.entries(counts)
        .map(([name, n]) => `${name.replace('content_block_', 'block_')} ${n}`)
        .join(' · ');
      expect(lines[2]).toBe(expected);
      expect(lines[0]).toContain(`Timeline · cell 1 · ${chat.eventCount} events`);
    });

    it('shows unknown event types as they came, with their data', async () => {
      const known = KNOWN_EVENT_TYPES;
      const odd = unknown.events.filter((e) => !known.has(e.event ?? ''));
      expect(odd.length).toBeGreaterThan(0);
      const { lines, frame } = await pane(unknown, {}, 160);
      for (const event of odd) {
        const name = event.event ?? '';
        // The event column is 19 wide: a longer name is cut with an ellipsis, its data follows whole.
        const shown = name.length > 19 ? `${name.slice(0, 18)}…` : name;
        const line = lines.find((l) => l.includes(` ${shown} `));
        expect(line).toBeDefined();
        expect(line).toContain(event.data.slice(0, 60));
      }
      expect(lines[2]).toContain('block_annotation 1');
      const blue = frame.split('\n').find((line) => line.includes('content_block_annot'));
      expect(blue).toContain('\u001b[34m');
      // An unknown delta type of a known event is kept too: its data is the preview.
      const oddDelta = unknown.events.find(
        (e) => e.event === 'content_block_delta' && e.data.includes('future_widget_delta'),
      );
      expect(oddDelta).toBeDefined();
      const deltaLine = lines.find((l) => l.includes('{"type":"future_widget_delta"'));
      expect(deltaLine).toMatch(
        /content_block_delta\s+1\s+future_widget_delta \{"type":"future_widget_delta","patch":/,
      );
    });

    it("says 'no events yet' before a cell exists", async () => {
      const { lines } = await pane(undefined);
      expect(lines[0]).toBe('Timeline');
      expect(lines[1]).toBe('p pings shown · f fold off');
      expect(lines[2]).toBe('no events yet');
    });

    it('follows the tail while the reply streams', async () => {
      const view = { ...VIEW };
      const rows = new TimelineRows();
      const size = { width: 100, height: 8 };
      let cell = cellFrom([]);
      const { lastFrame, rerender, unmount } = render(
        <TimelinePane cell={cell} rows={rows} view={view} size={size} focused={false} />,
      );
      try {
        let checked = 0;
        for (const update of chatUpdates) {
          cell = applyUpdate(cell, update);
          if (update.type !== 'wire' || update.event.seq % 7 !== 3) continue;
          rerender(<TimelinePane cell={cell} rows={rows} view={view} size={size} focused={false} />);
          await tick(5);
          const lines = plain(lastFrame()).split('\n');
          const last = lines.filter((line) => line.trim() !== '').at(-1);
          expect(last).toMatch(new RegExp(`^\\s+\\+${Math.round(update.event.t)} ${update.event.event}`));
          expect(lines[0]).toContain(`${update.event.seq + 1} events`);
          checked++;
        }
        expect(checked).toBeGreaterThan(3);
      } finally {
        unmount();
      }
    });
  });

  describe('event detail', () => {
    it("shows an event's full JSON, pretty-printed, under its number, type, time and size", async () => {
      const event = chat.events.find((e) => e.event === 'message_start') as WireEvent;
      const { lastFrame } = render(
        <EventDetail event={event} size={{ width: 100, height: 60 }} scroll={0} />,
      );
      await tick(15);
      const lines = plain(lastFrame()).split('\n');
      expect(lines[0]).toBe(
        `event #${event.seq} · message_start · +${Math.round(event.t)} ms · ${formatBytes(event.bytes)}`,
      );
      expect(lines[1]).toBe('↑/↓ PgUp/PgDn scroll · Esc back');
      const json = JSON.stringify(event.json, null, 2).split('\n');
      expect(lines.slice(2, 2 + json.length)).toEqual(json);
    });

    it('scrolls the JSON', async () => {
      const event = chat.events.find((e) => e.event === 'message_start') as WireEvent;
      const json = JSON.stringify(event.json, null, 2).split('\n');
      const { lastFrame } = render(<EventDetail event={event} size={{ width: 100, height: 6 }} scroll={3} />);
      await tick(15);
      expect(plain(lastFrame()).split('\n').slice(2)).toEqual(json.slice(3, 7));
    });
  });

  describe('the timeline in the App', () => {
    it('moves a cursor with ↑, opens the event under it with Enter, and closes it with Esc', async () => {
      const app = await renderApp();
      try {
        await app.type('hello');
        await app.session.settled();
        await tick(20);
        const cell = app.session.state.cells[0] as Cell;
        const { rows } = new TimelineRows().rows(cell, VIEW);
        await app.keys('\t', '\t'); // prompt → conversation → timeline
        expect(app.text()).toContain('Tab returns here');
        await app.keys('\u001b[A', '\u001b[A');
        const chosen = rows[rows.length - 3];
        expect(chosen?.name).toBe('content_block_stop');
        const selectedLine = app
          .frame()
          .split('\n')
          .find((line) => line.includes('\u001b[7m') && plain(line).includes('content_block_stop'));
        expect(selectedLine).toBeDefined();
        await app.keys('\r');
        const event = cell.events.find((e) => e.seq === chosen?.seq) as WireEvent;
        expect(app.text()).toContain(`event #${event.seq} · content_block_stop · +${Math.round(event.t)} ms`);
        expect(app.text()).toContain('"type": "content_block_stop"');
        await app.keys('\u001b');
        expect(app.text()).not.toContain(`event #${event.seq}`);
        expect(app.text()).toContain('Timeline · cell 1');
      } finally {
        await app.close();
      }
    });

    it('folds deltas with f and hides pings with p while the timeline has focus', async () => {
      const app = await renderApp();
      try {
        await app.type('hello');
        await app.session.settled();
        await tick(15);
        const timelineRows = () =>
          app
            .text()
            .split('\n')
            .slice(3, 20)
            .map((line) => (line.split('│')[1] ?? '').trim())
            .filter(Boolean);
        await app.keys('\t', '\t', 'f');
        expect(timelineRows().filter((row) => row.includes('content_block_delta'))).toHaveLength(1);
        expect(timelineRows().some((row) => /^\+\d+ ping$/.test(row))).toBe(true);
        await app.keys('p');
        expect(timelineRows().some((row) => /^\+\d+ ping$/.test(row))).toBe(false);
        expect(timelineRows().at(-1)).toMatch(/^\+\d+ message_stop$/);
        // The letters went to the timeline, not into the prompt.
        expect(app.text()).toContain('Tab returns here');
        await app.keys('p', 'f');
        expect(timelineRows().filter((row) => row.includes('content_block_delta')).length).toBeGreaterThan(5);
      } finally {
        await app.close();
      }
    });

    it("shows the filters' state in the header at the default width", async () => {
      const app = await renderApp();
      try {
        await app.type('hello');
        await app.session.settled();
        await app.keys('\t', '\t', 'p');
        expect(app.text()).toContain('p pings hidden');
        await app.keys('f');
        expect(app.text()).toContain('f fold on');
      } finally {
        await app.close();
      }
    });

    it('follows the tail of the wire while a reply streams', async () => {
      const app = await renderApp({ scenario: 'long:300', pace: { deltasPerSecond: 80 } });
      try {
        await app.type('tell me a long story');
        const lastRow = () => {
          const cell = app.session.state.cells[0] as Cell;
          const right = app
            .text()
            .split('\n')
            .slice(3, 20)
            .map((line) => line.split('│')[1] ?? '')
            .filter((line) => line.trim() !== '');
          return { cell, last: right.at(-1) ?? '' };
        };
        const seen = new Set<string>();
        for (let i = 0; i < 4; i++) {
          await eventually(() => {
            const { cell, last } = lastRow();
            expect(cell.status).toBe('streaming');
            const newest = cell.events[cell.eventCount - 1] as WireEvent;
            expect(last).toMatch(new RegExp(`^\\s+\\+${Math.round(newest.t)} ${newest.event}`));
            expect(seen.has(last)).toBe(false);
            seen.add(last);
          });
          await tick(20);
        }
        expect(seen.size).toBe(4);
      } finally {
        await app.close();
      }
    });

    it('shows the events of the cell selected in the conversation', async () => {
      const app = await renderApp();
      try {
        await app.type('hello');
        await app.session.settled();
        app.session.setScenario('tool-use');
        await app.type('weather in Paris?');
        await app.session.settled();
        await tick(20);
        expect(app.text()).toContain('Timeline · cell 2');
        await app.keys('\t', '\u001b[A');
        expect(app.text()).toContain('Timeline · cell 1');
        await app.keys('\u001b[B');
        expect(app.text()).toContain('Timeline · cell 2');
      } finally {
        await app.close();
      }
    });
  });
});

describe('layout', () => {
  type Notebook_ = Extract<ScreenLayout, { kind: 'notebook' }>;

  function notebookLayout(input: Parameters<typeof screenLayout>[0]): Notebook_ {
    const layout = screenLayout(input);
    if (layout.kind !== 'notebook')
      throw new Error(`expected a notebook layout, got ${JSON.stringify(layout)}`);
    return layout;
  }

  const BASE = { timeline: true, promptLines: 1, toastLines: 0 };

  /** Rows the layout's parts take: panes, separators, the prompt, the toast, the status line. */
  function usedRows(layout: Notebook_): number {
    const panes = layout.stacked
      ? layout.conversation.height + 1 + (layout.timeline?.height ?? 0)
      : layout.conversation.height;
    return panes + 1 + layout.inputLines + layout.toastLines + 1;
  }

  describe('screenLayout', () => {
    it('puts the timeline beside the conversation at 100 columns and more', () => {
      for (const columns of [100, 120, 200]) {
        const layout = notebookLayout({ ...BASE, columns, rows: 30 });
        expect(layout.stacked).toBe(false);
        expect(layout.timeline).not.toBeNull();
        expect(layout.conversation.width + 1 + (layout.timeline?.width ?? 0)).toBe(columns);
        expect(layout.timeline?.height).toBe(layout.conversation.height);
        expect(layout.conversation.width).toBeGreaterThan(layout.timeline?.width ?? 0);
      }
    });

    it('stacks the timeline under the conversation below 100 columns', () => {
      for (const columns of [40, 80, 99]) {
        const layout = notebookLayout({ ...BASE, columns, rows: 30 });
        expect(layout.stacked).toBe(true);
        expect(layout.conversation.width).toBe(columns);
        expect(layout.timeline?.width).toBe(columns);
        expect(layout.conversation.height).toBeGreaterThan(layout.timeline?.height ?? 0);
      }
    });

    it('is too small below 40 columns or 12 rows', () => {
      expect(screenLayout({ ...BASE, columns: 39, rows: 30 })).toEqual({
        kind: 'too-small',
        columns: 39,
        rows: 30,
      });
      expect(screenLayout({ ...BASE, columns: 100, rows: 11 })).toEqual({
        kind: 'too-small',
        columns: 100,
        rows: 11,
      });
      expect(screenLayout({ ...BASE, columns: 40, rows: 12 }).kind).toBe('notebook');
    });

    it('gives the conversation the whole width when the timeline is hidden', () => {
      for (const columns of [40, 99, 100, 180]) {
        const layout = notebookLayout({ ...BASE, timeline: false, columns, rows: 30 });
        expect(layout.timeline).toBeNull();
        expect(layout.conversation.width).toBe(columns);
        expect(usedRows(layout)).toBe(29);
      }
    });

    it('grows the prompt up to six lines, taking rows from the panes', () => {
      const one = notebookLayout({ ...BASE, columns: 120, rows: 40 });
      const four = notebookLayout({ ...BASE, columns: 120, rows: 40, promptLines: 4 });
      const ten = notebookLayout({ ...BASE, columns: 120, rows: 40, promptLines: 10 });
      expect([one.inputLines, four.inputLines, ten.inputLines]).toEqual([1, 4, 6]);
      expect(one.conversation.height - four.conversation.height).toBe(3);
    });

    it('makes the frame exactly one row shorter than the terminal, at every size and state', () => {
      const wrong: string[] = [];
      for (const columns of [40, 60, 99, 100, 140]) {
        for (let rows = 12; rows <= 40; rows++) {
          for (const timeline of [true, false]) {
            for (const toastLines of [0, 1, 2]) {
              for (let promptLines = 1; promptLines <= 7; promptLines++) {
                const layout = notebookLayout({ columns, rows, timeline, toastLines, promptLines });
                const used = usedRows(layout);
                if (layout.height !== rows - 1 || used !== rows - 1) {
                  wrong.push(
                    `${columns}x${rows} timeline=${timeline} toast=${toastLines} prompt=${promptLines}: frame ${layout.height}, parts ${used}`,
                  );
                }
              }
            }
          }
        }
      }
      expect(wrong).toEqual([]);
    });
  });

  let nb: Notebook;
  let finished: Cell[];

  beforeAll(async () => {
    await loadRenderers();
    nb = await notebook();
    for (const prompt of ['hello', 'describe a database schema', 'write some typescript code']) {
      nb.session.submit(prompt);
      await nb.session.settled();
    }
    nb.session.setScenario('tool-use');
    nb.session.submit('weather in Lima?');
    await nb.session.settled();
    finished = [...nb.session.state.cells];
    finished.push(...(await runCells('thinking', ['think about it'], { thinkingBudget: 1024 })));
  });

  afterAll(async () => {
    await nb.close();
  });

  function appOn(session = nb.session) {
    return (
      <App commands={{ session, clipboard: createClipboard(() => {}, null), cwd: '.', quit: () => {} }} />
    );
  }

  describe('the App at other sizes', () => {
    it("says 'terminal too small' in a short terminal, and becomes the notebook when resized", async () => {
      const screen = renderSized(appOn(), 100, 10);
      try {
        await tick(15);
        expect(screen.text()).toBe('terminal too small: 100x10, streambook needs 40x12');
        screen.resize(120, 30);
        await tick(15);
        expect(screen.text()).toContain('In [4]: weather in Lima?');
        expect(screen.text()).toContain('Timeline · cell 4');
        screen.resize(100, 11);
        await tick(15);
        expect(screen.text()).toBe('terminal too small: 100x11, streambook needs 40x12');
      } finally {
        screen.unmount();
      }
    });

    it('says in full what it needs when the terminal is too narrow (30x10)', async () => {
      const screen = renderSized(appOn(), 30, 10);
      try {
        await tick(15);
        expect(screen.text()).toMatch(/^terminal too small/);
        expect(screen.text().replace(/\s+/g, ' ')).toContain('streambook needs 40x12');
        expect(
          screen
            .text()
            .split('\n')
            .every((line) => stringWidth(line) <= 30),
        ).toBe(true);
      } finally {
        screen.unmount();
      }
    });

    it('puts the timeline under the conversation in a narrow terminal', async () => {
      const screen = renderSized(appOn(), 80, 30);
      try {
        await tick(15);
        const lines = screen.text().split('\n');
        expect(lines).toHaveLength(29);
        const timeline = lines.findIndex((line) => line.startsWith('Timeline · cell 4'));
        const separators = lines.flatMap((line, i) => (/^─{80}$/.test(line) ? [i] : []));
        expect(separators).toHaveLength(2);
        expect(separators[0]).toBe(timeline - 1);
        expect(lines.slice(0, timeline - 1).join('\n')).toContain('⚙ tool_use get_weather');
        expect(lines.every((line) => stringWidth(line) <= 80)).toBe(true);
        expect(lines.some((line) => line.includes('│'))).toBe(false);
      } finally {
        screen.unmount();
      }
    });

    it.each([
      [100, 24],
      [140, 50],
      [80, 24],
      [40, 12],
    ])('fills %ix%i but for its last row, and no line is wider than the terminal', async (columns, rows) => {
      const screen = renderSized(appOn(), columns, rows);
      try {
        await tick(15);
        const lines = screen.text().split('\n');
        expect(lines).toHaveLength(rows - 1);
        expect(lines.filter((line) => stringWidth(line) > columns)).toEqual([]);
        expect(lines.at(-1)).toMatch(/^ claude-sonnet-4-6 · helper · offline/);
      } finally {
        screen.unmount();
      }
    });

    it('keeps the frame one row shorter than a 12-row terminal while a five-line prompt is typed', async () => {
      const screen = renderSized(appOn(), 80, 12);
      try {
        await tick(15);
        for (const key of ['a', '\n', 'b', '\n', 'c', '\n', 'd', '\n', 'e']) {
          screen.stdin.write(key);
          await tick(3);
        }
        await tick(15);
        const lines = screen.text().split('\n');
        expect(lines.slice(-6, -1).map((line) => line.trim())).toEqual(['› a', 'b', 'c', 'd', 'e']);
        expect(lines).toHaveLength(11);
      } finally {
        screen.unmount();
      }
    });
  });

  describe('panes at explicit sizes', () => {
    it.each([
      [40, 8],
      [55, 20],
      [99, 13],
    ])('ConversationPane fills %ix%i exactly, ending with the newest cell', async (width, height) => {
      const { lastFrame, unmount } = render(
        <ConversationPane
          cells={finished}
          layout={new CellLines()}
          size={{ width, height }}
          rawText={false}
          thinkingHidden={false}
          selected={null}
          focused={false}
          scroll={0}
          welcome={[]}
        />,
      );
      await tick(15);
      const lines = plain(lastFrame()).split('\n');
      unmount();
      expect(lines).toHaveLength(height);
      expect(lines.every((line) => stringWidth(line) <= width)).toBe(true);
      expect(lines.at(-2)?.trim()).toMatch(/^end_turn · TTFT|tok\/s$/);
    });

    it.each([
      [44, 10],
      [72, 30],
    ])('TimelinePane fills %ix%i exactly', async (width, height) => {
      const { lastFrame, unmount } = render(
        <TimelinePane
          cell={finished[0]}
          rows={new TimelineRows()}
          view={{ hidePings: false, foldDeltas: false, cursor: null, detail: null, detailScroll: 0 }}
          size={{ width, height }}
          focused={false}
        />,
      );
      await tick(15);
      const lines = plain(lastFrame()).split('\n');
      unmount();
      expect(lines).toHaveLength(height);
      expect(lines.every((line) => stringWidth(line) <= width)).toBe(true);
      expect(lines.at(-1)).toMatch(/^\s+\+\d+ message_stop/);
    });
  });

  /** CellLines that counts which cells it lays out. */
  class CountingCellLines extends CellLines {
    laidOut: number[] = [];
    constructor(readonly limit = Number.POSITIVE_INFINITY) {
      super();
    }
    override lines(cell: Cell, options: CellLineOptions): string[] {
      this.laidOut.push(cell.id);
      if (this.laidOut.length > this.limit) {
        throw new Error(
          `laid out ${this.laidOut.length} cells (ids ${this.laidOut.at(-1)}…${this.laidOut[0]}) for one window`,
        );
      }
      return super.lines(cell, options);
    }
  }

  /** 1,000 finished cells: the real cells of the turns above, again and again, each its own cell. */
  function thousandCells(): Cell[] {
    return Array.from({ length: 1000 }, (_, i) => {
      const copy = JSON.parse(JSON.stringify(finished[i % finished.length])) as Cell;
      return { ...copy, id: i + 1 };
    });
  }

  describe('windowing the conversation', () => {
    const options = { width: 60, rawText: false, thinkingHidden: false };
    let cells: Cell[];
    beforeAll(() => {
      cells = thousandCells();
    });

    it('lays out only the cells near the bottom of 1,000, and returns exactly the height', () => {
      const layout = new CountingCellLines();
      const window = conversationWindow({ cells, layout, options, height: 20, scroll: 0, selected: null });
      expect(window.lines).toHaveLength(20);
      expect(layout.laidOut.length).toBeLessThanOrEqual(3);
      expect(Math.min(...layout.laidOut)).toBeGreaterThan(995);
      const last = new CellLines().lines(cells[999] as Cell, { ...options, selected: false });
      expect(window.lines.slice(-last.length)).toEqual(last.slice(-20));
      expect(window.more).toBe(true);
    });

    it('scrolling up lays out only as far up as the window reaches', () => {
      const layout = new CountingCellLines();
      const window = conversationWindow({ cells, layout, options, height: 20, scroll: 100, selected: null });
      expect(window.lines).toHaveLength(20);
      expect(window.scroll).toBe(100);
      expect(layout.laidOut.length).toBeLessThan(30);
    });

    it('moves the window up to a selected earlier cell, showing its first line', () => {
      const layout = new CountingCellLines();
      const window = conversationWindow({ cells, layout, options, height: 20, scroll: 0, selected: 960 });
      expect(window.lines).toHaveLength(20);
      expect(plain(window.lines[0])).toBe(`In [960]: ${cells[959]?.prompt}`);
      const selected = new CellLines().lines(cells[959] as Cell, { ...options, selected: true });
      expect(window.lines.slice(0, selected.length)).toEqual(selected.slice(0, 20));
      expect(layout.laidOut).not.toContain(959);
    });

    it('selecting cell 3 of 1,000 lays out only the cells in view, and shows cell 3 at the top', () => {
      // Stops the layout once it has clearly gone past the cells in view (about 2 ms a cell).
      const layout = new CountingCellLines(50);
      const window = conversationWindow({ cells, layout, options, height: 20, scroll: 0, selected: 3 });
      expect(window.lines).toHaveLength(20);
      expect(plain(window.lines[0])).toBe(`In [3]: ${cells[2]?.prompt}`);
      expect(layout.laidOut.length).toBeLessThanOrEqual(5);
    });

    it('the ConversationPane with 1,000 cells shows the newest and, when focused, the selected one', async () => {
      const pane = (selected: number | null, focused: boolean) => (
        <ConversationPane
          cells={cells}
          layout={new CellLines()}
          size={{ width: 60, height: 20 }}
          rawText={false}
          thinkingHidden={false}
          selected={selected}
          focused={focused}
          scroll={0}
          welcome={[]}
        />
      );
      const { lastFrame, rerender, unmount } = render(pane(null, false));
      try {
        await tick(15);
        expect(plain(lastFrame())).toContain('Out[1000]:');
        expect(plain(lastFrame())).not.toContain('[999]');
        rerender(pane(990, true));
        await tick(15);
        expect(plain(lastFrame()).split('\n')[0]).toBe(`In [990]: ${cells[989]?.prompt}`);
      } finally {
        unmount();
      }
    });
  });
});
