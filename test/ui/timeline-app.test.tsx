import { describe, expect, it } from 'vitest';
import type { WireEvent } from '../../src/engine/types.js';
import type { Cell } from '../../src/store/cell.js';
import { formatOffset } from '../../src/ui/format.js';
import { TimelineRowCache } from '../../src/ui/render/timeline-rows.js';
import { withColour } from '../support/colour.js';
import { openApps } from '../support/open-apps.js';
import { TIMELINE_VIEW } from '../support/panes.js';
import { eventually, plain, tick } from './harness.js';

const { app: openApp } = openApps();

describe('the timeline in the App', () => {
  const VIEW = TIMELINE_VIEW;
  // The selected row shows in inverse video.
  withColour();

  it('moves a cursor with ↑, opens the event under it with Enter, and closes it with Esc', async () => {
    const app = await openApp();
    await app.type('hello');
    await app.session.settled();
    await tick(20);
    const cell = app.session.state.cells[0] as Cell;
    const rows = new TimelineRowCache().rows(cell, VIEW).slice();
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
    expect(app.text()).toContain(`event #${event.seq} · content_block_stop · ${formatOffset(event.t)} ms`);
    expect(app.text()).toContain('"type": "content_block_stop"');
    await app.keys('\u001b');
    expect(app.text()).not.toContain(`event #${event.seq}`);
    expect(app.text()).toContain('Timeline · cell 1');
  });

  it('folds deltas with f and hides pings with p while the timeline has focus', async () => {
    const app = await openApp();
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
    expect(timelineRows().some((row) => /^\+\d{1,3}(?: \d{3})* ping$/.test(row))).toBe(true);
    await app.keys('p');
    expect(timelineRows().some((row) => /^\+\d{1,3}(?: \d{3})* ping$/.test(row))).toBe(false);
    expect(timelineRows().at(-1)).toMatch(/^\+\d{1,3}(?: \d{3})* message_stop$/);
    // The letters went to the timeline, not into the prompt.
    expect(app.text()).toContain('Tab returns here');
    await app.keys('p', 'f');
    expect(timelineRows().filter((row) => row.includes('content_block_delta')).length).toBeGreaterThan(5);
  });

  it("shows the filters' state in the header at the default width", async () => {
    const app = await openApp();
    await app.type('hello');
    await app.session.settled();
    await app.keys('\t', '\t', 'p');
    expect(app.text()).toContain('p pings hidden');
    await app.keys('f');
    expect(app.text()).toContain('f fold on');
  });

  it('follows the tail of the wire while a reply streams', async () => {
    const app = await openApp({ scenario: 'long:300', pace: { deltasPerSecond: 80 } });
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
        expect(last.trimStart().startsWith(`${formatOffset(newest.t)} ${newest.event}`)).toBe(true);
        expect(seen.has(last)).toBe(false);
        seen.add(last);
      });
      await tick(20);
    }
    expect(seen.size).toBe(4);
  });

  it('shows the events of the cell selected in the conversation', async () => {
    const app = await openApp();
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
  });
});
