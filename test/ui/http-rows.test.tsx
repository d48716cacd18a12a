import { beforeAll, describe, expect, it } from 'vitest';
import type { Cell } from '../../src/store/cell.js';
import type { TimelineDetail } from '../../src/store/session-state.js';
import { openApps } from '../support/open-apps.js';
import { paneLines, TIMELINE_VIEW, timelinePane } from '../support/panes.js';
import { eventually, loadRenderers, runCell } from './harness.js';

const KEY = 'sk-test-key-not-real';
const HOME = '\u001b[H';
const DOWN = '\u001b[B';
const PAGE_DOWN = '\u001b[6~';

/** The focused timeline with the row `open` opened in full. */
function detail(cell: Cell, open: TimelineDetail, width = 100, height = 40): Promise<string[]> {
  const view = { ...TIMELINE_VIEW, cursor: 0, detail: open };
  return paneLines(timelinePane({ cell, view, size: { width, height }, focused: true }));
}

describe('HTTP rows in the App', () => {
  const { afterTurn } = openApps();

  it('opens the request row with Enter: method, URL, headers with the key hidden, and the body sent', async () => {
    const app = await afterTurn({}, 'hello "there"');
    await app.keys('\t', '\t', HOME, '\r');
    const text = await eventually(() => {
      expect(app.text()).toContain('request · attempt 1 · POST /v1/messages');
      return app.text();
    });
    expect(text).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\/v1\/messages/);
    expect(text).toContain('x-stainless-retry-count: 0');
    expect(text).toContain('[redacted]');
    expect(text).not.toContain(KEY);
    // The body as sent, pretty-printed; the rest of it is a scroll away.
    await app.keys(PAGE_DOWN, PAGE_DOWN);
    await eventually(() => expect(app.text()).toContain('"content": "hello \\"there\\""'));
    expect(app.text()).toContain('"stream": true');
    await app.keys('\u001b');
    await eventually(() => expect(app.text()).toContain('Timeline · cell 1'));
  });

  it('opens the response row: status, request id and headers', async () => {
    const app = await afterTurn();
    await app.keys('\t', '\t', HOME, DOWN, '\r');
    const text = await eventually(() => {
      expect(app.text()).toMatch(/response · attempt 1 · HTTP 200 · \+[\d ]+ ms/);
      return app.text();
    });
    expect(text).toMatch(/request-id: req_offline_\w+/);
    expect(text).toContain('content-type: text/event-stream');
  });
});

describe('a retry in full', () => {
  let cell: Cell;
  beforeAll(async () => {
    await loadRenderers();
    cell = await runCell('rate-limit');
  });

  it('shows its attempt, why it was made and the whole wait, even in a narrow pane', async () => {
    const lines = await detail(cell, { attempt: 1, part: 'request' }, 40);
    expect(lines[0]).toMatch(/^retry · attempt 2 · POST \/v1\/messages/);
    const body = lines.slice(2).join(' ');
    expect(body).toContain('attempt 2 (retry 1), because attempt 1 got: HTTP 429');
    expect(body).toMatch(/wait: waited [\d.]+ m?s; the server asked for [\d.]+ m?s/);
  });

  it("shows the response's retry-after and rate-limit headers", async () => {
    const lines = await detail(cell, { attempt: 0, part: 'response' });
    expect(lines[0]).toMatch(/^response · attempt 1 · HTTP 429 · \+\d{1,3}(?: \d{3})* ms$/);
    expect(lines).toContainEqual(expect.stringMatching(/^retry-after: [\d.]+ m?s$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}anthropic-ratelimit-requests-remaining: 0$/));
  });
});
