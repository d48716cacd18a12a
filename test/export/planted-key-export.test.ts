import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createClipboard } from '../../src/clipboard/clipboard.js';
import { exportCommand } from '../../src/commands/export.js';
import { createClient } from '../../src/engine/client.js';
import { SessionJournal } from '../../src/journal/session-journal.js';
import { Session } from '../../src/session/session.js';
import { initialState } from '../../src/store/session-state.js';
import { SessionStore } from '../../src/store/session-store.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { tempStateDir } from '../support/journaled.js';
import { type EchoFailure, leaks, PLANTED_KEY, serveKeyEcho } from '../support/key-echo-server.js';
import { SETTINGS } from '../support/turns.js';

const track = closeAfterEach();
const removals: Array<() => void> = [];
afterEach(() => {
  for (const remove of removals.splice(0)) remove();
});

/** A session on a server that echoes the key into everything it answers, saved or not. */
async function echoedSession(failure: EchoFailure, saved: boolean): Promise<Session> {
  const server = track(await serveKeyEcho(failure));
  const source = { offline: false, describe: 'key echo' };
  const store = new SessionStore(initialState(SETTINGS, source, null));
  const client = createClient({ apiKey: PLANTED_KEY, baseURL: server.url, maxRetries: 1 });
  let journal: SessionJournal | null = null;
  if (saved) {
    const state = tempStateDir();
    removals.push(state.remove);
    const header = { settings: SETTINGS, scenario: null, source, by: 'notebook' };
    journal = new SessionJournal({ stateDir: state.dir, header, warn: () => {} });
  }
  const session = new Session(store, client, null, { journal });
  session.submit('what is my key?');
  await session.settled();
  return session;
}

describe('no export holds a piece of the key', () => {
  for (const saved of [true, false]) {
    test.each<EchoFailure>(['stream', 'http', 'event'])(
      `a server that echoes the key (%s), ${saved ? 'from the session file' : 'with --no-save'}`,
      async (failure) => {
        const session = await echoedSession(failure, saved);
        const cwd = mkdtempSync(join(tmpdir(), 'streambook-export-key-'));
        removals.push(() => rmSync(cwd, { recursive: true, force: true }));
        const context = { session, clipboard: createClipboard(() => {}, null), cwd, quit: () => {} };
        for (const name of ['s.ipynb', 's.md', 's.json', 's.har']) {
          expect((await exportCommand.run(context, name)).kind, name).toBe('toast');
        }
        expect(readdirSync(cwd).sort()).toEqual(['s.har', 's.ipynb', 's.json', 's.md']);
        for (const name of readdirSync(cwd)) {
          const text = readFileSync(join(cwd, name), 'utf8');
          expect(text, name).toContain('[redacted]');
          expect(leaks(text, PLANTED_KEY), name).toEqual([]);
        }
        session.journal?.close();
      },
    );
  }
});
