import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createClipboard } from '../../src/clipboard/clipboard.js';
import type { CommandContext } from '../../src/commands/command.js';
import { exportCommand } from '../../src/commands/export.js';
import { sessionFromJournal } from '../../src/export/exported-session.js';
import { harExport } from '../../src/export/har-export.js';
import { markdownExport } from '../../src/export/markdown-export.js';
import { notebookExport } from '../../src/export/notebook-export.js';
import { sessionJsonExport } from '../../src/export/session-json-export.js';
import { readJournal } from '../../src/journal/read-journal.js';
import { continueFrom, resumeSession } from '../../src/journal/resume.js';
import { SessionJournal } from '../../src/journal/session-journal.js';
import { sessionPath } from '../../src/journal/state-dir.js';
import type { OfflineServer } from '../../src/offline/server.js';
import { startOfflineServer } from '../../src/offline/server.js';
import { Session } from '../../src/session/session.js';
import { initialState } from '../../src/store/session-state.js';
import { SessionStore } from '../../src/store/session-store.js';
import { journaledSession, sendAll, tempStateDir } from '../support/journaled.js';
import { clientFor, SETTINGS } from '../support/turns.js';
import { commandBenches } from './command-context.js';

const bench = commandBenches();
const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'streambook-export-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function contextFor(session: Session, cwd: string): CommandContext {
  return { session, clipboard: createClipboard(() => {}, null), cwd, quit: () => {} };
}

/** A saved session (two cells) on its own offline server, its commands run in a fresh folder. */
async function savedSession(scenario = 'chat') {
  const server: OfflineServer = await startOfflineServer({ pace: 'none', scenario });
  const state = tempStateDir();
  const { session, journal } = journaledSession(server, state.dir);
  cleanups.push(
    state.remove,
    () => server.close(),
    () => journal.close(),
  );
  await sendAll(session, ['first question', 'a follow-up']);
  const cwd = tempDir();
  const run = (args: string) => exportCommand.run(contextFor(session, cwd), args);
  return { server, session, journal, stateDir: state.dir, cwd, run };
}

describe('/export', () => {
  it('writes each format, by the extension, from the session file', async () => {
    const { journal, stateDir, cwd, run } = await savedSession();
    const saved = () => sessionFromJournal(readJournal(sessionPath(stateDir, journal.id as string)));
    const formats = {
      'out.ipynb': [notebookExport, 'a notebook'],
      'out.md': [markdownExport, 'Markdown'],
      'out.JSON': [sessionJsonExport, 'JSON'],
      'sub/out.har': [harExport, 'HAR'],
    } as const;
    mkdirSync(join(cwd, 'sub'));
    for (const [name, [write, label]] of Object.entries(formats)) {
      const result = await run(name);
      expect(result).toEqual({
        kind: 'toast',
        tone: 'success',
        text: expect.stringMatching(new RegExp(`^Exported 2 cells as ${label} \\(.+\\) to \\./${name}$`)),
      });
      expect(readFileSync(join(cwd, name), 'utf8')).toBe(write(saved()));
      expect(statSync(join(cwd, name)).mode & 0o777).toBe(0o600);
    }
  });

  it('replaces an existing file whole, leaving no temporary file beside it', async () => {
    const { cwd, run } = await savedSession();
    writeFileSync(join(cwd, 'x.json'), 'old content that is longer than nothing');
    expect((await run('x.json')).kind).toBe('toast');
    expect(JSON.parse(readFileSync(join(cwd, 'x.json'), 'utf8')).cells).toHaveLength(2);
    expect(readdirSync(cwd)).toEqual(['x.json']);
  });

  it('refuses, in one line that names the fix, what it cannot write', async () => {
    const { cwd, run } = await savedSession();
    mkdirSync(join(cwd, 'dir.md'));
    writeFileSync(join(cwd, 'file'), '');
    const cases: Array<[string, RegExp]> = [
      ['', /^\/export needs a file: \/export FILE\.ipynb/],
      [
        'notes.txt',
        /^\/export can't tell the format of notes\.txt: end the name with \.ipynb, \.md, \.json or \.har$/,
      ],
      ['noextension', /can't tell the format/],
      ['dir.md', /^cannot save to dir\.md: it is a folder; name a file in it/],
      ['missing/out.json', /^cannot save to missing\/out\.json: its folder does not exist; create it first$/],
      ['file/out.har', /^cannot save to file\/out\.har: a part of the path is a file, not a folder$/],
    ];
    for (const [args, message] of cases) {
      const result = await run(args);
      expect(result.kind, args).toBe('error');
      const text = (result as { text: string }).text;
      expect(text).toMatch(message);
      expect(text).not.toContain('\n');
    }
    expect(readdirSync(cwd).sort()).toEqual(['dir.md', 'file']);
    expect(readdirSync(join(cwd, 'dir.md'))).toEqual([]);
  });

  it('waits for a streaming reply, and has nothing to export before the first prompt', async () => {
    const { session, run } = await savedSession();
    session.submit('a third');
    expect(await run('out.md')).toEqual({
      kind: 'error',
      text: 'a reply is still streaming: wait for it (or Esc), then /export',
    });
    await session.settled();
    session.clear();
    expect(await run('out.md')).toEqual({
      kind: 'error',
      text: 'nothing to export yet: send a prompt first',
    });
  });

  it('exports a resumed session as the live one it continues, with the turns after', async () => {
    const { server, journal, stateDir, cwd, run } = await savedSession();
    expect((await run('live.json')).kind).toBe('toast');
    journal.close();
    const resumed = resumeSession({ stateDir, save: true, resume: { id: journal.id as string } }, () => {});
    if (!resumed) throw new Error('no session to resume');
    const source = { offline: true, describe: 'offline test' };
    const store = new SessionStore(continueFrom(initialState(SETTINGS, source, 'chat'), resumed));
    const header = { settings: SETTINGS, scenario: 'chat', source, by: 'notebook' };
    const again = new SessionJournal({ stateDir, header, warn: () => {}, resume: resumed.id });
    cleanups.push(() => again.close());
    const session = new Session(store, clientFor(server.url, 0), server, {
      journal: again,
      before: resumed.before,
    });
    await sendAll(session, ['a third']);
    expect((await exportCommand.run(contextFor(session, cwd), 'resumed.json')).kind).toBe('toast');
    const live = JSON.parse(readFileSync(join(cwd, 'live.json'), 'utf8'));
    const after = JSON.parse(readFileSync(join(cwd, 'resumed.json'), 'utf8'));
    expect(after.id).toBe(live.id);
    expect(after.cells.slice(0, 2)).toEqual(live.cells);
    expect(after.cells[2].prompt).toBe('a third');
  });

  it('with --no-save, exports the notebook’s own cells', async () => {
    const cwd = tempDir();
    const made = await bench({ cwd });
    await made.send('only in memory');
    expect(made.session.journal).toBeNull();
    expect((await made.call(exportCommand, 'm.json')).kind).toBe('toast');
    const exported = JSON.parse(readFileSync(join(cwd, 'm.json'), 'utf8'));
    expect(exported.id).toBeNull();
    expect(exported.cells.map((c: { prompt: string }) => c.prompt)).toEqual(['only in memory']);
    expect(await made.run('/export m.md')).toMatch(/^Exported 1 cell as Markdown/);
  });
});
