import { beforeAll, describe, expect, it } from 'vitest';
import type { Cell } from '../../src/store/cell.js';
import { CellLineCache } from '../../src/ui/render/cell-lines.js';
import { screenLayout } from '../../src/ui/render/screen-layout.js';
import { TimelineRowCache } from '../../src/ui/render/timeline-rows.js';
import { welcomeLines } from '../../src/ui/render/welcome.js';
import { wrap } from '../../src/ui/render/wrap.js';
import { openApps } from '../support/open-apps.js';
import { paneLines, timelinePane } from '../support/panes.js';
import { eventually, loadRenderers, plain, runCell } from './harness.js';

const OFFLINE = 'offline (no ANTHROPIC_API_KEY set): answers are simulated by the built-in API';

function timeline(cell: Cell, width: number, height: number): Promise<string[]> {
  return paneLines(timelinePane({ cell, size: { width, height } }));
}

function reply(cell: Cell, width = 80): string[] {
  return new CellLineCache()
    .lines(cell, { width, rawText: false, thinkingHidden: false, selected: false })
    .map((line) => plain(line).trim());
}

beforeAll(loadRenderers);

describe('cosmetics a new user meets', () => {
  const { afterTurn } = openApps();

  it('the welcome leaves no word alone on a line, in the pane beside the timeline', () => {
    // 120 columns: the conversation pane is 69 wide. "offline" was left alone there.
    for (const width of [69, 56, 60, 80]) {
      const lines = welcomeLines(OFFLINE).flatMap((line) => wrap(plain(line), width));
      expect(lines.filter((line) => line.trim() === 'offline')).toEqual([]);
    }
  });

  it('a citation does not leave the sentence\'s "." on a line of its own', async () => {
    const lines = reply(await runCell('server-tool'));
    expect(lines.filter((line) => /^\p{P}+$/u.test(line))).toEqual([]);
    expect(lines).toContainEqual(expect.stringMatching(/server-sent events\.$/));
  });

  it("shows a server tool's query as text", async () => {
    const lines = reply(await runCell('server-tool'));
    expect(lines).toContain('query: Write a 1 sentence description of a sci fi world');
  });

  it('a failed request says it has no events, rather than "0 events", beside its HTTP rows', async () => {
    const cell = await runCell('unauthorized');
    const lines = await timeline(cell, 80, 20);
    expect(lines[0]).toBe('Timeline · cell 1 · 1 request, no events');
    expect(lines.join('\n')).toContain('response');
  });

  it('a stacked timeline at 40×12 still shows rows', async () => {
    const layout = screenLayout({
      columns: 40,
      rows: 12,
      timelineShown: true,
      promptLines: 1,
      toastLines: 0,
    });
    if (layout.kind !== 'notebook' || !layout.timeline) throw new Error('no timeline at 40×12');
    const cell = await runCell('chat');
    const lines = await timeline(cell, layout.timeline.width, layout.timeline.height);
    expect(lines[0]).toMatch(/^Timeline · cell 1/);
    expect(lines.slice(1).some((line) => /^\s+\+\d/.test(line))).toBe(true);
  });

  it('p keeps the cursor on the same event', async () => {
    const app = await afterTurn();
    // Focus the timeline, go to the top and down to the first text delta (after request,
    // response, message_start, content_block_start and the ping).
    await app.keys('\t', '\t', '\u001b[H', ...Array(5).fill('\u001b[B'));
    const cell = app.session.state.cells[0] as Cell;
    // The event under the cursor, in the rows the pane shows.
    const selected = () => {
      const view = app.session.state.timeline;
      return new TimelineRowCache().rows(cell, view).at(view.cursor ?? -1)?.seq;
    };
    const before = await eventually(() => {
      expect(app.session.state.timeline.cursor).toBe(5);
      return selected();
    });
    expect(cell.events.find((e) => e.seq === before)?.event).toBe('content_block_delta');
    await app.keys('p');
    await eventually(() => expect(app.session.state.timeline.hidePings).toBe(true));
    expect(selected()).toBe(before);
    await app.keys('p');
    await eventually(() => expect(app.session.state.timeline.hidePings).toBe(false));
    expect(selected()).toBe(before);
    // On the ping itself, hiding pings leaves the cursor on the row above it.
    await app.keys('\u001b[A');
    await eventually(() => expect(app.session.state.timeline.cursor).toBe(4));
    const ping = selected();
    expect(cell.events.find((e) => e.seq === ping)?.event).toBe('ping');
    await app.keys('p');
    await eventually(() => expect(app.session.state.timeline.hidePings).toBe(true));
    expect(selected()).toBe((ping ?? 0) - 1);
  });
});
