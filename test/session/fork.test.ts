import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createClipboard } from '../../src/clipboard/clipboard.js';
import type { CommandContext } from '../../src/commands/command.js';
import { runCommandLine } from '../../src/commands/index.js';
import { readJournal } from '../../src/journal/read-journal.js';
import { sessionPath } from '../../src/journal/state-dir.js';
import { type OfflineServer, startOfflineServer } from '../../src/offline/server.js';
import type { Session } from '../../src/session/session.js';
import { comparable, journaledSession, reopen, sendAll, stateDirs } from '../support/journaled.js';
import { type AppHarness, eventually, renderAppFor } from '../ui/harness.js';

const stateDir = stateDirs();
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((item) => item.close()));
});

async function server(): Promise<OfflineServer> {
  const made = await startOfflineServer({ pace: 'none', scenario: 'chat' });
  open.push(made);
  return made;
}

/** A saved session of three cells, and a way to run command lines in it. */
async function threeCells() {
  const dir = stateDir();
  const { session, journal } = journaledSession(await server(), dir);
  open.push({ close: async () => journal.close() });
  await sendAll(session, ['one', 'two', 'three']);
  const parent = journal.id as string;
  const run = (line: string) => runCommandLine(line, context(session));
  return { dir, session, journal, parent, parentBytes: readFileSync(sessionPath(dir, parent)), run };
}

function context(session: Session): CommandContext {
  return { session, clipboard: createClipboard(() => {}, null), cwd: process.cwd(), quit: () => {} };
}

/** How many messages each turn of a saved session sent. */
function sent(dir: string, id: string): number[] {
  return readJournal(sessionPath(dir, id)).records.flatMap((r) =>
    r.r === 'u' && r.u.type === 'request' ? [r.u.messages] : [],
  );
}

describe('forks', () => {
  it('/rerun 2 sends cell 2 again after cell 1, in a new session; the parent is byte for byte as it was', async () => {
    const { dir, session, journal, parent, parentBytes, run } = await threeCells();
    expect(await run('/rerun 2')).toBe(true);
    await session.settled();
    journal.close();
    const fork = journal.id as string;
    expect(fork).not.toBe(parent);
    expect(readFileSync(sessionPath(dir, parent))).toEqual(parentBytes);
    expect(session.state.cells.map((c) => [c.id, c.prompt])).toEqual([
      [1, 'one'],
      [2, 'two'],
    ]);
    expect(readJournal(sessionPath(dir, fork)).header.parent).toEqual({ id: parent, cell: 2 });
    // Cell 1 copied (it sent 1 message), then the rerun sent cell 1's turn and the prompt.
    expect(sent(dir, fork)).toEqual([1, 3]);
    // The fork's file makes the session on screen (the prompts recalled are this run's, not its).
    const { promptHistory: _restored, ...restored } = comparable(reopen(dir, fork).state);
    const { promptHistory: _live, ...live } = comparable(session.state);
    expect(restored).toEqual(live);
    expect(reopen(dir, parent).state.cells).toHaveLength(3);
    expect(session.state.toast?.text).toBe(
      `forked from session ${parent} at cell 2; that session is kept as it was`,
    );
  });

  it('/rerun 1 starts over: the fork holds only the new turn', async () => {
    const { dir, session, journal, parent } = await threeCells();
    await runCommandLine('/rerun 1', context(session));
    await session.settled();
    expect(sent(dir, journal.id as string)).toEqual([1]);
    expect(readJournal(sessionPath(dir, journal.id as string)).header.parent).toEqual({
      id: parent,
      cell: 1,
    });
  });

  it.each([
    ['/rerun 9', 'there is no cell 9'],
    ['/rerun 2 3', "/rerun takes a cell number, got '3'"],
    ['/edit x', "/edit takes a cell number, got 'x'"],
  ])('%s is refused with one line and changes nothing', async (line, message) => {
    const { dir, session, parent, parentBytes, run } = await threeCells();
    expect(await run(line)).toBe(false);
    expect(session.state.toast?.text).toBe(message);
    expect(session.state.cells).toHaveLength(3);
    expect(readFileSync(sessionPath(dir, parent))).toEqual(parentBytes);
  });
});

describe('/edit in the notebook', () => {
  async function notebook(): Promise<AppHarness & { dir: string; parent: string; parentBytes: Buffer }> {
    const cells = await threeCells();
    const app = await renderAppFor({
      session: cells.session,
      store: cells.session.store,
      server: await server(),
      async close() {},
    });
    open.push(app);
    return Object.assign(app, { dir: cells.dir, parent: cells.parent, parentBytes: cells.parentBytes });
  }

  it("puts cell 2's prompt in the input; sending it forks at cell 2 with the edited prompt", async () => {
    const app = await notebook();
    await app.type('/edit 2');
    await eventually(() => expect(app.text()).toMatch(/› two/));
    await app.type(' and more');
    await eventually(() => expect(app.session.state.cells.at(-1)?.status).toBe('complete'));
    expect(app.session.state.cells.map((c) => c.prompt)).toEqual(['one', 'two and more']);
    expect(readFileSync(sessionPath(app.dir, app.parent))).toEqual(app.parentBytes);
    expect(app.session.journal?.id).not.toBe(app.parent);
  });

  it('Esc takes the edit back: the next prompt is a plain new cell', async () => {
    const app = await notebook();
    await app.type('/edit 2');
    await eventually(() => expect(app.text()).toMatch(/› two/));
    await app.keys('\u001b');
    expect(app.session.state.editing).toBeNull();
    await app.type('four');
    await eventually(() => expect(app.session.state.cells.at(-1)?.status).toBe('complete'));
    expect(app.session.state.cells.map((c) => c.prompt)).toEqual(['one', 'two', 'three', 'four']);
    expect(app.session.journal?.id).toBe(app.parent);
  });
});
