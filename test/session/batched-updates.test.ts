import { afterEach, describe, expect, it } from 'vitest';
import { streamTurn } from '../../src/engine/turn.js';
import { startOfflineServer } from '../../src/offline/server.js';
import { Session } from '../../src/session/session.js';
import { applyUpdate, newCell } from '../../src/store/cell.js';
import { initialState } from '../../src/store/session-state.js';
import { SessionStore, type Urgency } from '../../src/store/session-store.js';
import { clientFor, SETTINGS } from '../support/turns.js';

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

async function offline(scenario: string) {
  const server = await startOfflineServer({ pace: 'none', scenario });
  open.push(server);
  return server;
}

describe("a turn's updates", () => {
  it('reach the store a network read at a time, and build the cell that one at a time would', async () => {
    const server = await offline('long:900');
    const store = new SessionStore(initialState(SETTINGS, { offline: false, describe: 'test' }, null));
    const session = new Session(store, clientFor(server.url, 0), null);
    const states: Urgency[] = [];
    store.subscribe((urgency) => states.push(urgency));
    session.submit('go');
    await session.settled();
    const cell = session.state.cells[0];
    expect(cell?.status).toBe('complete');
    const deltas = cell?.events.filter((e) => e.event === 'content_block_delta').length ?? 0;
    expect(deltas).toBe(900);
    // Each delta is two updates (its event, its text): one at a time was 1800 new states.
    expect(states.filter((u) => u === 'batched').length).toBeLessThan(deltas / 10);

    // The same turn again, each update on its own, gives the same cell.
    const updates: Parameters<typeof applyUpdate>[1][] = [];
    await streamTurn(
      { client: clientFor(server.url, 0), messages: [{ role: 'user', content: 'go' }], settings: SETTINGS },
      (update) => updates.push(update),
    );
    const alone = updates.reduce(applyUpdate, newCell(1, 'go', SETTINGS, null));
    expect(alone.blocks).toEqual(cell?.blocks);
    expect(alone.message?.content).toEqual(cell?.message?.content);
    expect(alone.eventCount).toBe(cell?.eventCount);
    expect(alone.version).toBe(cell?.version);
  });
});
