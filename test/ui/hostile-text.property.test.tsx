import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import chalk from 'chalk';
import fc from 'fast-check';
import { Box } from 'ink';
import { Fragment, type ReactElement } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StreamMode, TurnUpdate } from '../../src/engine/types.js';
import type { Cell } from '../../src/store/cell.js';
import { eventDetailBody } from '../../src/ui/components/EventDetail.js';
import { ToastLine } from '../../src/ui/components/ToastLine.js';
import { CellLineCache } from '../../src/ui/render/cell-lines.js';
import { timelineLine } from '../../src/ui/render/timeline-lines.js';
import { TimelineRowCache } from '../../src/ui/render/timeline-rows.js';
import { hostileHeader, hostileReply, hostileText, unsafeOnTerminal } from '../support/hostile.js';
import { conversationPane, TIMELINE_VIEW, timelinePane } from '../support/panes.js';
import { notebookWithEvents } from '../support/scripted-turns.js';
import { renderSized } from '../support/sized-ink.js';
import { type ChunkServer, CLEAN, encodeFramed, serveChunks } from '../support/sse-framing.js';
import { clientFor, collectTurn } from '../support/turns.js';
import { cellFrom, eventually, loadRenderers, renderAppFor, tick } from './harness.js';

/*
 * Hostile text from the server, in every field of a reply, rendered by real Ink in every view
 * that shows it, must never reach the terminal as anything that acts: every ESC in a frame
 * starts one of the app's own colour codes, and no C1, BEL, bidi control or lone surrogate
 * is there at all. Replies come over loopback HTTP to the real SDK, so the text is what the
 * engine really hands the views.
 */

// Wrapping and Markdown reflow keep surrogate pairs whole, so the laid-out views are held to
// no lone surrogate too.
const CHECK = { loneSurrogates: true };

let server: ChunkServer;
let savedLevel: typeof chalk.level;
beforeAll(async () => {
  savedLevel = chalk.level;
  chalk.level = 1;
  server = await serveChunks();
  await loadRenderers();
});
afterAll(async () => {
  chalk.level = savedLevel;
  await server.close();
});

/** The frame real Ink draws for `tree`, which must be safe. */
function expectSafeFrame(tree: ReactElement, columns: number, rows: number, what: string) {
  const ink = renderSized(tree, columns, rows);
  try {
    expect(unsafeOnTerminal(ink.frame(), CHECK), what).toBeUndefined();
  } finally {
    ink.unmount();
  }
}

/**
 * Every line each view of a cell lays out (both text modes, both timeline folds, each event in
 * full), then the views as real Ink draws them at a terminal's height, stacked in one frame.
 */
function expectSafeViews(cell: Cell, width: number, focused: boolean) {
  const rows = new TimelineRowCache();
  const events = cell.events.slice(0, cell.eventCount);
  for (const rawText of [false, true]) {
    const lines = new CellLineCache().lines(cell, {
      width,
      rawText,
      thinkingHidden: false,
      selected: focused,
    });
    expect(unsafeOnTerminal(lines.join('\n'), CHECK), `cell lines (raw text ${rawText})`).toBeUndefined();
  }
  for (const foldDeltas of [false, true]) {
    const lines = rows
      .rows(cell, { hidePings: false, foldDeltas })
      .slice()
      .map((row, i) => timelineLine(row, width, i === 3));
    // Timeline rows are cut, never wrapped: no lone surrogate is allowed there already.
    expect(unsafeOnTerminal(lines.join('\n')), 'timeline lines').toBeUndefined();
  }
  for (const event of events) {
    expect(
      unsafeOnTerminal(eventDetailBody(event, width).join('\n'), CHECK),
      `event #${event.seq} in full`,
    ).toBeUndefined();
  }

  const size = { width, height: 24 };
  const views = [
    ...[false, true].map((rawText) => (
      <Fragment key={`conversation ${rawText}`}>
        {conversationPane({ cells: [cell], size, rawText, focused })}
      </Fragment>
    )),
    <Fragment key="timeline">
      {timelinePane({ cell, rows, view: { ...TIMELINE_VIEW, cursor: focused ? 3 : null }, size, focused })}
    </Fragment>,
    ...events.slice(0, 4).map((event) => (
      <Fragment key={`detail ${event.seq}`}>
        {timelinePane({
          cell,
          rows,
          view: { ...TIMELINE_VIEW, cursor: 0, detail: event.seq },
          size,
          focused: true,
        })}
      </Fragment>
    )),
  ];
  expectSafeFrame(
    <Box flexDirection="column">{views}</Box>,
    width,
    size.height * views.length,
    'the views drawn',
  );
}

async function turnOf(
  reply: Array<{ event: string | null; data: string }>,
  mode: StreamMode,
  requestId: string,
) {
  server.serve(encodeFramed(reply, CLEAN), requestId);
  return (await collectTurn(clientFor(server.url, 0), mode)).updates;
}

describe('hostile text in every field of a reply', () => {
  it('never reaches the terminal from a cell, the timeline or the event detail, streaming or done', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostileReply,
        fc.constantFrom<StreamMode>('helper', 'raw'),
        fc.integer({ min: 12, max: 120 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        hostileHeader,
        async (reply, mode, width, cut, focused, requestId) => {
          const updates: TurnUpdate[] = await turnOf(reply, mode, requestId);
          expectSafeViews(cellFrom(updates), width, focused);
          expectSafeViews(cellFrom(updates.slice(0, Math.floor(cut * updates.length))), width, focused);
        },
      ),
      { numRuns: 6 },
    );
  }, 60_000);

  it('never reaches the terminal from a toast', () => {
    fc.assert(
      fc.property(hostileText, fc.integer({ min: 8, max: 120 }), (text, width) => {
        expectSafeFrame(
          <ToastLine toast={{ id: 1, text, tone: 'error' }} width={width} lines={2} />,
          width,
          4,
          'toast',
        );
      }),
      { numRuns: 60 },
    );
  });
});

describe('hostile text in the whole notebook', () => {
  it('never reaches the terminal, and /save writes JSON that is safe to show and reads back', async () => {
    await fc.assert(
      fc.asyncProperty(hostileReply, async (reply) => {
        const cwd = mkdtempSync(join(tmpdir(), 'streambook-hostile-'));
        const nb = await notebookWithEvents(reply);
        const app = await renderAppFor(nb, cwd);
        try {
          await app.type('hi');
          await nb.session.settled();
          await tick(20);
          expect(unsafeOnTerminal(app.frame(), CHECK), 'the cell').toBeUndefined();
          // Focus the timeline, go to its first row, open events one after another.
          await app.keys('\t', '\t', '\u001b[H', '\u001b[B', '\u001b[B', '\r');
          expect(app.text()).toContain('event #');
          expect(unsafeOnTerminal(app.frame(), CHECK), 'an event in full').toBeUndefined();
          await app.keys('\u001b', '\u001b[B', '\u001b[B', '\u001b[B', '\r');
          expect(unsafeOnTerminal(app.frame(), CHECK), 'another event in full').toBeUndefined();
          await app.keys('\u001b', '\t');
          await app.type('/save');
          // The file is written asynchronously: its toast says when it is done.
          await eventually(() => expect(app.text()).toMatch(/Saved cell 1|no message/), 10_000);
          expect(unsafeOnTerminal(app.frame(), CHECK), 'the /save toast').toBeUndefined();
          for (const file of readdirSync(cwd)) {
            const saved = readFileSync(join(cwd, file), 'utf8');
            expect(unsafeOnTerminal(saved.replace(/[\n\t]/g, ' ')), file).toBeUndefined();
            // A turn that failed also carries its error (and whether usage came); the message
            // itself must read back as it was, escapes and all.
            const { error: _error, usage_incomplete: _usage, ...message } = JSON.parse(saved);
            expect(message).toEqual(JSON.parse(JSON.stringify(nb.session.state.cells[0]?.message)));
          }
        } finally {
          await app.close();
          rmSync(cwd, { recursive: true, force: true });
        }
      }),
      { numRuns: 2 },
    );
  }, 60_000);
});
