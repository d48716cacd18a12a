import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { withoutCredentials } from '../../src/engine/redact-request.js';
import type { StreamMode, WireEvent } from '../../src/engine/types.js';
import { readJournal } from '../../src/journal/read-journal.js';
import { type RestoredSession, restoreSession } from '../../src/journal/restore.js';
import { SessionJournal } from '../../src/journal/session-journal.js';
import { sessionPath } from '../../src/journal/state-dir.js';
import type { OfflineServer } from '../../src/offline/server.js';
import { Session } from '../../src/session/session.js';
import type { Cell } from '../../src/store/cell.js';
import { initialState, type SessionState } from '../../src/store/session-state.js';
import { SessionStore } from '../../src/store/session-store.js';
import { withOfflineServer } from './offline.js';
import { clientFor, SETTINGS } from './turns.js';

/** A state dir of its own, removed by the returned function. */
export function tempStateDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'streambook-state-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A real Session on the offline server, saving to `stateDir`, with no retries unless asked. */
export function journaledSession(
  server: OfflineServer,
  stateDir: string,
  mode: StreamMode = 'helper',
  warn: (line: string) => void = () => {},
  maxRetries = 0,
): { session: Session; journal: SessionJournal } {
  const source = { offline: true, describe: 'offline test' };
  const settings = { ...SETTINGS, mode };
  const store = new SessionStore(initialState(settings, source, server.scenario));
  const journal = new SessionJournal({
    stateDir,
    header: { settings, scenario: server.scenario, source, by: 'notebook' },
    warn,
  });
  return {
    session: new Session(store, clientFor(server.url, maxRetries), server, { journal, stateDir }),
    journal,
  };
}

/** Sends each prompt after the one before has ended. */
export async function sendAll(session: Session, prompts: readonly string[]): Promise<void> {
  for (const prompt of prompts) {
    session.submit(prompt);
    await session.settled();
  }
}

/** A session saved by a real Session on the offline server: its id and the live state. */
export async function savedSession(dir: string, prompts: string[], scenario = 'chat') {
  return withOfflineServer({ scenario }, async (server) => {
    const { session, journal } = journaledSession(server, dir);
    await sendAll(session, prompts);
    journal.close();
    return { id: journal.id as string, state: session.state };
  });
}

/** A session of two cells ('one', 'two') saved in `dir`: its id and the live state. */
export async function savedTwoCells(dir: string) {
  const { id, state } = await savedSession(dir, ['one', 'two']);
  return { id, live: state };
}

/** The saved session read back, as --resume reads it. */
export function reopen(stateDir: string, id: string): RestoredSession {
  return restoreSession(readJournal(sessionPath(stateDir, id)));
}

/**
 * What resuming must keep of a session: each cell as plain data, with what a file can't or
 * mustn't hold normalized (event times to the microsecond, credential headers hidden, the
 * version counter, which counts changes, not content).
 */
export function comparable(state: SessionState) {
  return {
    cells: state.cells.map(comparableCell),
    history: state.history,
    tokens: state.tokens,
    promptHistory: state.promptHistory,
  };
}

function comparableCell(cell: Cell) {
  const { version: _version, events, attempts, retryWait: _wait, ...rest } = cell;
  return {
    ...JSON.parse(JSON.stringify(rest)),
    events: events.slice(0, cell.eventCount).map(plainEvent),
    attempts: attempts.map((attempt) =>
      JSON.parse(
        JSON.stringify({
          ...attempt,
          request: attempt.request && {
            ...attempt.request,
            headers: withoutCredentials(attempt.request.headers),
          },
        }),
      ),
    ),
  };
}

function plainEvent(event: WireEvent) {
  return {
    seq: event.seq,
    attempt: event.attempt,
    t: Math.round(event.t * 1000) / 1000,
    bytes: event.bytes,
    event: event.event,
    data: event.data,
  };
}

/** A fresh state dir per call, all removed after each test of the file that calls this. */
export function stateDirs(): () => string {
  const made: Array<{ remove(): void }> = [];
  afterEach(() => {
    for (const dir of made.splice(0)) dir.remove();
  });
  return () => {
    const state = tempStateDir();
    made.push(state);
    return state.dir;
  };
}
