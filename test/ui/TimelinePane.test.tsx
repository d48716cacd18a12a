import chalk from 'chalk';
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TurnUpdate, WireEvent } from '../../src/engine/types.js';
import { KNOWN_EVENT_TYPES } from '../../src/engine/types.js';
import { applyUpdate, type Cell } from '../../src/store/cell.js';
import type { TimelineView } from '../../src/store/session-state.js';
import { EventDetail } from '../../src/ui/components/EventDetail.js';
import { TimelinePane } from '../../src/ui/components/TimelinePane.js';
import { formatBytes, formatOffset } from '../../src/ui/format.js';
import { TimelineRowCache } from '../../src/ui/render/timeline-rows.js';
import { paneFrame, TIMELINE_VIEW, timelinePane } from '../support/panes.js';
import { cellFrom, loadRenderers, plain, runCell, tick, turnUpdates } from './harness.js';

describe('the timeline', () => {
  const VIEW = TIMELINE_VIEW;

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
    const frame = await paneFrame(
      timelinePane({ cell, view: { ...TIMELINE_VIEW, ...view }, size: { width, height } }),
    );
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
      const rows = new TimelineRowCache().rows(chat, VIEW).slice();
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
        (line) => line.includes(JSON.stringify(text)) && line.includes(`${formatOffset(delta.t)} `),
      );
      expect(row).toBeDefined();
      expect(row?.trim()).toBe(
        `${formatOffset(delta.t)} content_block_delta ${'0'.padEnd(3)} text_delta ${JSON.stringify(text)}`,
      );
      expect(lines).toContainEqual(
        expect.stringMatching(/^\s+\+\d{1,3}(?: \d{3})* message_start\s+msg_\w+ claude-sonnet-4-6 in=\d+$/),
      );
      expect(lines).toContainEqual(
        expect.stringMatching(/^\s+\+\d{1,3}(?: \d{3})* content_block_start\s+0\s+text$/),
      );
      expect(lines).toContainEqual(
        expect.stringMatching(/^\s+\+\d{1,3}(?: \d{3})* message_delta\s+end_turn out=\d+$/),
      );
      expect(lines[3]).toMatch(/^\s+ms event\s+idx delta · preview$/);
    });

    it('keeps the delta type in a narrow pane, shortened ahead of the preview, and no row wider than the pane', async () => {
      const { lines } = await pane(chat, {}, 50);
      expect(lines[3]).toMatch(/^\s+ms event\s+idx delta · preview$/);
      expect(lines).toContainEqual(
        expect.stringMatching(/^\s+\+\d{1,3}(?: \d{3})* content_block_delta 0\s+text "/),
      );
      expect(lines.join('\n')).not.toContain('text_delta');
      expect(lines.every((line) => line.length <= 50)).toBe(true);
    });

    it('shows the HTTP attempts of a 529 then a 200, the failed one in red', async () => {
      const { lines, frame } = await pane(overloaded529, {}, 160);
      const http = lines
        .slice(4, 8)
        .map((line) => line.replace(/^\s+\+\d{1,3}(?: \d{3})* /, '').replace(/\s+/g, ' '));
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
      expect(shown.lines).toContainEqual(expect.stringMatching(/^\s+\+\d{1,3}(?: \d{3})* ping\s*$/));
      expect(shown.lines[1]).toContain('p pings shown');
      const hidden = await pane(chat, { hidePings: true });
      expect(hidden.lines.some((line) => /^\s+\+\d{1,3}(?: \d{3})* ping\s*$/.test(line))).toBe(false);
      expect(hidden.lines[1]).toContain('p pings hidden');
      expect(hidden.lines[2]).toContain('ping 1');
      expect(hidden.lines.length).toBe(shown.lines.length);
    });

    it('folds a run of deltas into one row that counts them', () => {
      const rows = new TimelineRowCache().rows(chat, { ...VIEW, foldDeltas: true }).slice();
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
      // Counted here from the events themselves, in the order their types first came.
      const counts = new Map<string, number>();
      for (const event of chat.events)
        counts.set(event.event ?? '', (counts.get(event.event ?? '') ?? 0) + 1);
      const expected = [...counts]
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
      const rows = new TimelineRowCache();
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
          // formatOffset groups thousands ("+1 223"), as the pane shows them.
          expect(last?.trimStart().startsWith(`${formatOffset(update.event.t)} ${update.event.event}`)).toBe(
            true,
          );
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
        `event #${event.seq} · message_start · ${formatOffset(event.t)} ms · ${formatBytes(event.bytes)}`,
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
});
