import { afterEach, describe, expect, it } from 'vitest';
import { streamTurn } from '../../src/engine/turn.js';
import type { TurnUpdate } from '../../src/engine/types.js';
import { recordedEvent } from '../../src/engine/wire-tap.js';
import { startOfflineServer } from '../../src/offline/server.js';
import { Session } from '../../src/session/session.js';
import { turnSink } from '../../src/session/turn-sink.js';
import { applyUpdate, newCell, textPieces } from '../../src/store/cell.js';
import { initialState } from '../../src/store/session-state.js';
import { SessionStore, type Urgency } from '../../src/store/session-store.js';
import { turnStarted } from '../../src/store/turn-updates.js';
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

  it('that fail part-way keep the ones before the failure, and leave the shared lists whole', async () => {
    const store = new SessionStore(initialState(SETTINGS, { offline: true, describe: 'test' }, null));
    store.update((s) => turnStarted(s, newCell(1, 'p', SETTINGS, null), null));
    const journaled: TurnUpdate[] = [];
    const journal = { update: (_c: number, u: TurnUpdate) => journaled.push(u), broke() {} } as never;
    const sink = turnSink(
      { store, journal, hide: (text) => text },
      { id: 1, messages: [], abort: new AbortController(), current: () => true },
    );
    sink.apply({ type: 'block_start', index: 0, block: { type: 'text', text: '' } });
    sink.apply({ type: 'wire', event: recordedEvent(0, 0, 1, 1, 'ping', '{}') });
    sink.apply({ type: 'text', index: 0, text: 'Hello', t: 1 });
    // An update the cell cannot take (an engine newer than the store), in the same run.
    sink.apply({ type: 'future_update' } as unknown as TurnUpdate);
    await new Promise((resolve) => setImmediate(resolve));
    const cell = store.getSnapshot().cells[0];
    expect(cell?.status).toBe('failed');
    expect(cell?.blocks.map((b) => b.text)).toEqual(['Hello']);
    expect(cell?.eventCount).toBe(1);
    expect(cell?.events).toHaveLength(1);
    expect(cell && textPieces(cell, cell.blocks[0] as never).join('')).toBe('Hello');
    expect(journaled).toHaveLength(4);
  });
});
