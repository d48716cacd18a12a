import chalk from 'chalk';
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TurnUpdate } from '../../src/engine/types.js';
import type { Cell } from '../../src/store/cell.js';
import { keepOnlySgr } from '../../src/terminal/keep-sgr.js';
import { neutralize } from '../../src/terminal/neutralize.js';
import { EventDetail } from '../../src/ui/components/EventDetail.js';
import { CellLineCache, type CellLineOptions } from '../../src/ui/render/cell-lines.js';
import { ESCAPE_STARTERS, SGR } from '../support/escapes.js';
import { withoutOurLinks } from '../support/our-links.js';
import { timelinePane } from '../support/panes.js';
import {
  cellFrom,
  cellFromEvents,
  loadRenderers,
  notebookWithEvents,
  plain,
  renderAppFor,
  type SseEvent,
  stream,
  textBlock,
  tick,
  updatesFromEvents,
} from './harness.js';

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

  function expectOnlySgr(output: string): void {
    // Our own links (each shows the URL it leads to) are the one OSC the notebook writes.
    const text = withoutOurLinks(output);
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
      const lines = new CellLineCache().lines(reply, WIDE);
      for (const line of lines) expectOnlySgr(line);
      const text = lines.map(plain).join('\n');
      expect(text).toContain(neutralize(HOSTILE));
      expect(text).toContain('␛]52;c;aGFjaw==␇');
      expect(text).toContain('␛[2J');
    });

    it('shows a finished reply as raw text (/raw) with ␛ stand-ins and no escape but SGR', () => {
      const lines = new CellLineCache().lines(reply, { ...WIDE, rawText: true });
      for (const line of lines) expectOnlySgr(line);
      expect(lines.map(plain).join('\n')).toContain(neutralize(HOSTILE));
    });

    it('shows a streaming reply with ␛ stand-ins and no escape but SGR', () => {
      const lastText = replyUpdates.findLastIndex((u) => u.type === 'text' && u.index === 0);
      const streaming = cellFrom(replyUpdates.slice(0, lastText + 1), HOSTILE_PROMPT);
      expect(streaming.status).toBe('streaming');
      const lines = new CellLineCache().lines(streaming, WIDE);
      for (const line of lines) expectOnlySgr(line);
      expect(lines.map(plain).join('\n')).toContain(neutralize(HOSTILE));
    });

    it("neutralizes the prompt's hyperlink and clipboard sequences in the In line", () => {
      const lines = new CellLineCache().lines(reply, WIDE);
      expect(plain(lines[0])).toBe(`In [1]: ${neutralize(HOSTILE_PROMPT)}`);
      expect(plain(lines[0])).toContain('␛]8;;http://x␇link␛]8;;␇');
    });

    it('neutralizes a tool name, an unknown block type and a citation title', () => {
      const text = new CellLineCache()
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
      const lines = new CellLineCache().lines(fields, WIDE);
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
      const { lastFrame } = render(timelinePane({ cell: reply, size: { width: 90, height: 40 } }));
      await tick(20);
      expectOnlySgr(lastFrame() ?? '');
      // A text delta's preview is its JSON string, where ESC is the visible escape \u001b.
      expect(plain(lastFrame())).toContain(JSON.stringify(HOSTILE.slice(0, 12)));
      expect(plain(lastFrame())).toContain('"Look: \\u001b]52;c"');
      expect(plain(lastFrame())).toContain(`tool_use ${neutralize(`evil${OSC52}`)}`);
    });

    it("the timeline shows a server's unknown event name and delta type with ␛ stand-ins, not raw", async () => {
      const { lastFrame } = render(timelinePane({ cell: fields, size: { width: 100, height: 30 } }));
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
