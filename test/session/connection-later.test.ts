import { afterEach, describe, expect, it } from 'vitest';
import { type StartingConnection, startConnection } from '../../src/engine/connection.js';
import { PendingClient } from '../../src/engine/pending-client.js';
import { Session } from '../../src/session/session.js';
import { initialState } from '../../src/store/session-state.js';
import { SessionStore } from '../../src/store/session-store.js';
import { SETTINGS } from '../support/turns.js';

const open: StartingConnection[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((connection) => connection.close()));
});

/** A session on an offline connection that has just been started, its server not yet listening. */
function startingSession(): { session: Session; connection: StartingConnection } {
  const connection = startConnection({ kind: 'offline', reason: 'flag' }, { pace: 'none' });
  open.push(connection);
  const store = new SessionStore(
    initialState(SETTINGS, { offline: true, describe: connection.describe }, 'chat'),
  );
  return { session: new Session(store, connection.client, connection.offline), connection };
}

describe('the notebook starts before its connection is open', () => {
  it('starts the offline server without waiting: its client is still coming', () => {
    const { connection } = startingSession();
    expect(connection.client).toBeInstanceOf(PendingClient);
    expect(connection.describe).toContain('offline (--offline)');
  });

  it('a prompt sent before the server listens waits for it and is answered', async () => {
    const { session } = startingSession();
    expect(session.submit('hello early')).toBe(true);
    expect(session.state.cells[0]?.status).toBe('streaming');
    await session.settled();
    const cell = session.state.cells[0];
    expect(cell?.status).toBe('complete');
    expect(cell?.prompt).toBe('hello early');
    expect(cell?.blocks.map((block) => block.text).join('')).not.toBe('');
  });

  it('a client that never comes fails the waiting turn, with its reason', async () => {
    const store = new SessionStore(initialState(SETTINGS, { offline: true, describe: 'test' }, 'chat'));
    const never = Promise.reject(new Error('listen EADDRINUSE'));
    const session = new Session(store, new PendingClient(null, never), null);
    session.submit('hello');
    await session.settled();
    expect(session.state.cells[0]?.status).toBe('failed');
    expect(session.state.cells[0]?.error?.message).toContain('EADDRINUSE');
  });

  it('the scenario and step controls work before the server listens', () => {
    const { session, connection } = startingSession();
    session.setScenario('long');
    expect(connection.offline?.scenario).toBe('long');
    expect(() => session.setScenario('no-such-scenario')).toThrow(/Unknown offline scenario/);
  });
});
