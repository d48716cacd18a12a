import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { listSessions } from '../../src/journal/session-list.js';
import { sessionPath } from '../../src/journal/state-dir.js';
import type { Pace } from '../../src/offline/pace.js';
import { type OfflineServer, startOfflineServer } from '../../src/offline/server.js';
import { journaledSession, sendAll, stateDirs } from '../support/journaled.js';
import { type AppHarness, eventually, renderAppFor } from './harness.js';

const ESC = '\u001b';
const UP = '\u001b[A';
const DOWN = '\u001b[B';

const stateDir = stateDirs();
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((item) => item.close()));
});

async function server(pace: Pace = 'none'): Promise<OfflineServer> {
  const made = await startOfflineServer({ pace, scenario: 'chat' });
  open.push(made);
  return made;
}

/** A session saved in `dir` by a real Session, last written `secondsAgo` ago. */
async function saved(dir: string, prompts: string[], secondsAgo: number): Promise<string> {
  const { session, journal } = journaledSession(await server(), dir);
  await sendAll(session, prompts);
  journal.close();
  const id = journal.id as string;
  const when = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(sessionPath(dir, id), when, when);
  return id;
}

/** The notebook on screen, saving to `dir`, with `prompts` already sent in it. */
async function notebookIn(dir: string, prompts: string[], pace: Pace = 'none'): Promise<AppHarness> {
  const offline = await server(pace);
  const { session, journal } = journaledSession(offline, dir);
  await sendAll(session, prompts);
  const app = await renderAppFor({
    session,
    store: session.store,
    server: offline,
    async close() {
      session.interrupt();
      await session.settled();
      journal.close();
    },
  });
  open.push(app);
  return app;
}

describe('/sessions in the notebook', () => {
  it('lists the saved sessions newest first, this one marked, and Enter resumes the chosen one', async () => {
    const dir = stateDir();
    const alpha = await saved(dir, ['alpha first prompt', 'alpha second prompt'], 120);
    const beta = await saved(dir, ['beta only prompt'], 60);
    const app = await notebookIn(dir, ['gamma prompt here']);
    const gamma = app.session.journal?.id as string;
    await app.type('/sessions');
    const list = app.text().split('\n');
    const rowOf = (id: string) => list.findIndex((line) => line.includes(id));
    expect(list[0]).toContain('Sessions  (3 saved; • is this one)');
    expect(rowOf(gamma)).toBe(1);
    expect(rowOf(beta)).toBe(2);
    expect(rowOf(alpha)).toBe(3);
    expect(list[1]).toMatch(/^›• .*gamma prompt here +1 cell /);
    expect(list[2]).toMatch(/^ {3}.*beta only prompt +1 cell /);
    expect(list[3]).toMatch(/^ {3}.*alpha first prompt +2 cells /);
    // The conversation is out of the way while the list is up.
    expect(app.text()).not.toContain('› gamma prompt here');

    await app.keys(DOWN, DOWN, DOWN, UP, DOWN);
    expect(app.text().split('\n')[3]).toMatch(/^› {2}/);
    await app.keys('\r');
    await eventually(() => expect(app.text()).toContain(`resumed ${alpha} (2 cells)`));
    const screen = app.text();
    expect(screen).not.toContain('Sessions  (');
    expect(screen).toContain('In [2]: alpha second prompt');
    expect(screen).not.toContain('gamma prompt here');
    expect(app.session.state.cells.map((c) => [c.prompt, c.status])).toEqual([
      ['alpha first prompt', 'complete'],
      ['alpha second prompt', 'complete'],
    ]);
    expect(app.session.journal?.id).toBe(alpha);

    // The next turn goes on in the resumed session's file, with its history; the others keep theirs.
    await app.type('alpha third prompt');
    await app.session.settled();
    const request = app.session.state.cells.at(-1)?.attempts[0]?.request?.body ?? '';
    expect(JSON.parse(request).messages).toHaveLength(5);
    const cells = Object.fromEntries(listSessions(dir).sessions.map((s) => [s.id, s.cells]));
    expect(cells).toEqual({ [alpha]: 3, [beta]: 1, [gamma]: 1 });
  });

  it('closes on Esc and leaves the conversation as it was', async () => {
    const dir = stateDir();
    await saved(dir, ['an older session'], 60);
    const app = await notebookIn(dir, ['the current prompt']);
    await app.type('/sessions');
    expect(app.text()).toContain('an older session');
    await app.keys(DOWN, ESC);
    expect(app.text()).not.toContain('Sessions  (');
    expect(app.text()).not.toContain('an older session');
    expect(app.text()).toContain('the current prompt');
    expect(app.session.state.view.sessions).toBeNull();
    expect(app.session.state.cells.map((c) => c.prompt)).toEqual(['the current prompt']);
  });

  it('filters by what the sessions say, and says so when none does', async () => {
    const dir = stateDir();
    await saved(dir, ['talk about Zebras'], 60);
    await saved(dir, ['talk about lions'], 30);
    const app = await notebookIn(dir, []);
    await app.type('/sessions ZEBRA');
    expect(app.text()).toContain("Sessions  (1 saved, holding 'ZEBRA'");
    expect(app.text()).toContain('talk about Zebras');
    expect(app.text()).not.toContain('talk about lions');
    await app.keys(ESC);
    await app.type('/sessions okapi');
    expect(app.text()).toContain("no saved session holds 'okapi'");
    expect(app.session.state.view.sessions).toBeNull();
  });

  it("shows a fork's parent, and a hostile first prompt as text", async () => {
    const dir = stateDir();
    const parent = await saved(dir, ['the parent'], 120);
    const fork = await saved(dir, ['\u001b]0;pwned\u0007\u001b[31mred fork'], 60);
    const [header, ...rest] = readFileSync(sessionPath(dir, fork), 'utf8').split('\n');
    const forked = { ...JSON.parse(header ?? ''), parent: { id: parent, cell: 1 } };
    writeFileSync(sessionPath(dir, fork), [JSON.stringify(forked), ...rest].join('\n'));
    const app = await notebookIn(dir, []);
    await app.type('/sessions');
    const row =
      app
        .text()
        .split('\n')
        .find((line) => line.includes(fork)) ?? '';
    expect(row).toContain(`fork of ${parent} at cell 1`);
    expect(row).toContain('␛]0;pwned␇␛[31');
    expect(app.frame()).not.toContain('\u001b]0;');
  });

  it('refuses to resume while a reply streams, and keeps the list', async () => {
    const dir = stateDir();
    await saved(dir, ['an older session'], 60);
    const app = await notebookIn(dir, [], { deltasPerSecond: 2 });
    app.session.submit('a slow reply');
    await app.type('/sessions');
    await app.keys(DOWN, '\r');
    expect(app.text()).toContain('A reply is still streaming');
    expect(app.session.state.cells.map((c) => c.prompt)).toEqual(['a slow reply']);
    expect(app.session.state.view.sessions).not.toBeNull();
  });
});
