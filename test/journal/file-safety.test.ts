import { appendFileSync, chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJournal } from '../../src/journal/read-journal.js';
import { resumeSession } from '../../src/journal/resume.js';
import { SessionJournal } from '../../src/journal/session-journal.js';
import { sessionPath, sessionsDir } from '../../src/journal/state-dir.js';
import { Session } from '../../src/session/session.js';
import { SessionStore } from '../../src/store/session-store.js';
import {
  comparable,
  journaledSession,
  reopen,
  savedTwoCells,
  sendAll,
  stateDirs,
} from '../support/journaled.js';
import { withOfflineServer } from '../support/offline.js';
import { clientFor } from '../support/turns.js';

const stateDir = stateDirs();

describe('the session file', () => {
  it('is made 0600 in a folder made 0700', async () => {
    const dir = stateDir();
    const { id } = await savedTwoCells(dir);
    expect(statSync(sessionPath(dir, id)).mode & 0o777).toBe(0o600);
    expect(statSync(sessionsDir(dir)).mode & 0o777).toBe(0o700);
  });

  it.each([
    ['a torn last line', '{"r":"e","c":2,"t":1,"d":"{\\"type\\":\\"mess'],
    ['a corrupt last line', '\u0000\u00ff garbage \u001b[2J'],
    ['a line of the wrong shape', '{"r":"t","c":"two","t":1,"i":0,"x":3}'],
  ])('skips %s with one warning and loads the rest', async (_, line) => {
    const dir = stateDir();
    const { id, live } = await savedTwoCells(dir);
    appendFileSync(sessionPath(dir, id), line);
    const warnings: string[] = [];
    const resumed = resumeSession({ stateDir: dir, save: true, resume: { id } }, (w) => warnings.push(w));
    expect(warnings).toEqual([
      `skipped 1 unreadable line of session ${id} (a write cut short, or an edit); the rest is loaded`,
    ]);
    expect(comparable(resumed?.state ?? live)).toEqual(comparable(live));
  });

  it('a torn line in the middle costs that line only', async () => {
    const dir = stateDir();
    const { id } = await savedTwoCells(dir);
    const lines = readFileSync(sessionPath(dir, id), 'utf8').split('\n');
    const turnTwo = lines.findIndex((line) => line.includes('"r":"turn","c":2'));
    lines.splice(turnTwo + 1, 0, '{"r":"u","c":2,"u":{"ty');
    writeFileSync(sessionPath(dir, id), lines.join('\n'));
    const read = readJournal(sessionPath(dir, id));
    expect(read.skipped).toBe(1);
    expect(reopen(dir, id).state.cells.map((cell) => cell.status)).toEqual(['complete', 'complete']);
  });

  it('a state dir that cannot be written warns once, and the session goes on unsaved', async () => {
    const dir = stateDir();
    mkdirSync(sessionsDir(dir), { recursive: true });
    chmodSync(sessionsDir(dir), 0o500);
    const warnings: string[] = [];
    await withOfflineServer({}, async (server) => {
      const { session, journal } = journaledSession(server, dir, 'helper', (w) => warnings.push(w));
      await sendAll(session, ['one', 'two', 'three']);
      journal.close();
      expect(session.state.cells.map((cell) => cell.status)).toEqual(['complete', 'complete', 'complete']);
    });
    chmodSync(sessionsDir(dir), 0o700);
    // root writes anywhere: then the file exists and nothing is warned of.
    if (process.getuid?.() === 0) return;
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^can't save the session in .+ \(EACCES\); going on without saving: set --state-dir DIR, or --no-save$/,
    );
  });

  it('a state dir that is a file warns once, even as root', async () => {
    const dir = stateDir();
    writeFileSync(join(dir, 'sessions'), 'not a folder');
    const warnings: string[] = [];
    await withOfflineServer({}, async (server) => {
      const { session, journal } = journaledSession(server, dir, 'helper', (w) => warnings.push(w));
      await sendAll(session, ['one', 'two']);
      session.clear();
      await sendAll(session, ['three']);
      journal.close();
      expect(session.state.cells.map((cell) => cell.status)).toEqual(['complete']);
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/\((EEXIST|ENOTDIR)\); going on without saving/);
  });
});

function resume(dir: string, id: string) {
  const warnings: string[] = [];
  const resumed = resumeSession({ stateDir: dir, save: true, resume: { id } }, (w) => warnings.push(w));
  if (!resumed) throw new Error('nothing resumed');
  return { resumed, warnings };
}

describe('a damaged session file', () => {
  it('a turn added after a torn last line starts a line of its own, and the history goes on', async () => {
    const dir = stateDir();
    const { id } = await savedTwoCells(dir);
    appendFileSync(sessionPath(dir, id), '{"r":"e","c":2,"t":1,"d":"{\\"ty');
    const { resumed } = resume(dir, id);
    await withOfflineServer({}, async (server) => {
      const journal = new SessionJournal({
        stateDir: dir,
        header: {
          settings: resumed.state.settings,
          scenario: 'chat',
          source: resumed.state.source,
          by: 'test',
        },
        warn: () => {},
        resume: id,
      });
      const session = new Session(new SessionStore(resumed.state), clientFor(server.url, 0), server, {
        journal,
        before: resumed.before,
      });
      await sendAll(session, ['three']);
      journal.close();
      const again = reopen(dir, id);
      expect(again.state.cells.map((c) => [c.id, c.status])).toEqual([
        [1, 'complete'],
        [2, 'complete'],
        [3, 'complete'],
      ]);
      expect(again.state.history).toHaveLength(6);
      expect(comparable(again.state).history).toEqual(comparable(session.state).history);
    });
  });

  it.each([
    ['a wire event written as an update', '{"r":"u","c":2,"u":{"type":"wire"}}'],
    [
      'metrics of the wrong types',
      '{"r":"u","c":2,"u":{"type":"end","outcome":{"status":"complete","message":null,"metrics":{"tokensPerSecond":"x"}}}}',
    ],
    [
      'an end for a cell that is not open',
      '{"r":"u","c":1,"u":{"type":"end","outcome":{"status":"complete","message":null,"metrics":{"ttfbMs":null,"ttftMs":null,"totalMs":1,"outputTokens":null,"tokensPerSecond":null,"stopReason":null,"usage":null,"usageFinal":false,"attempts":1}}}}',
    ],
    ['a turn that goes back', '{"r":"turn","c":1,"at":"x","prompt":"again","settings":{},"scenario":null}'],
  ])('%s costs its own line, and the rest resumes as it was', async (_, line) => {
    const dir = stateDir();
    const { id, live } = await savedTwoCells(dir);
    appendFileSync(sessionPath(dir, id), `${line}\n`);
    const { resumed, warnings } = resume(dir, id);
    expect(warnings).toHaveLength(1);
    expect(comparable(resumed.state)).toEqual(comparable(live));
  });
});

describe('a fork at a cell that /retry sent', () => {
  it('leaves the replaced cell out of the history, live and resumed alike', async () => {
    const dir = stateDir();
    await withOfflineServer({ scenario: 'dropped' }, async (server) => {
      const { session, journal } = journaledSession(server, dir);
      await sendAll(session, ['one']);
      server.setScenario('chat');
      session.setScenario('chat');
      session.retry();
      await session.settled();
      expect(session.state.cells.map((c) => c.replacedBy)).toEqual([2, null]);
      session.forkAt(2, 'one, again');
      await session.settled();
      journal.close();
      const fork = reopen(dir, journal.id as string);
      expect(fork.state.history).toEqual(session.state.history);
      expect(fork.state.history).toHaveLength(2);
    });
  });
});
