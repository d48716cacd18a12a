import { setTimeout as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { scenarioCommand } from '../../src/commands/scenario.js';
import { stepCommand } from '../../src/commands/step.js';
import { Recordings } from '../../src/offline/recording.js';
import { journaledSession, sendAll, tempStateDir } from '../support/journaled.js';
import { withOfflineServer } from '../support/offline.js';
import { type CommandBench, commandBenches } from './command-context.js';

const bench = commandBenches();

/** Waits (on the event loop, not a clock) until `ready` holds. */
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await tick(1);
}

/** Presses /step until the turn ends; the events the cell had just before each press. */
async function stepThrough(b: CommandBench): Promise<number[]> {
  const seen: number[] = [];
  const steps = b.session.offline?.steps;
  const cell = () => b.session.state.cells.at(-1);
  for (;;) {
    await until(() => steps?.waiting != null || cell()?.status !== 'streaming');
    if (cell()?.status !== 'streaming') return seen;
    // The event waiting has not reached the client: everything before it has.
    await until(() => cell()?.eventCount === (steps?.waiting ?? 0) - 1);
    seen.push(cell()?.eventCount ?? -1);
    const result = await b.call(stepCommand);
    expect(result).toMatchObject({ kind: 'toast', text: expect.stringMatching(/^Step: event \d+ sent/) });
  }
}

describe('/step', () => {
  it('sends the next reply one event per press', async () => {
    const b = await bench({ scenario: 'chat' });
    await b.send('weather in Quito');
    const unstepped = b.session.state.cells[0]?.eventCount ?? 0;
    expect(await b.call(stepCommand)).toMatchObject({
      kind: 'toast',
      text: expect.stringMatching(/^Step mode:/),
    });
    b.session.submit('weather in Quito');
    const seen = await stepThrough(b);
    expect(seen).toEqual([...Array(unstepped).keys()]);
    const [first, second] = b.session.state.cells;
    expect(second?.status).toBe('complete');
    expect(second?.message?.content).toEqual(first?.message?.content);
    // One turn per arming: the next reply streams on its own.
    await b.send('again');
    expect(b.session.state.cells[2]?.status).toBe('complete');
  });

  it('/step off lets the rest of the reply go at once', async () => {
    const b = await bench({ scenario: 'chat' });
    await b.call(stepCommand);
    b.session.submit('hello');
    const steps = b.session.offline?.steps;
    for (let press = 0; press < 3; press++) {
      await until(() => steps?.waiting === press + 1);
      await b.call(stepCommand);
    }
    // Three pressed events reach the cell (its store takes wire events in batches), and the fourth is held.
    await until(() => steps?.waiting === 4 && b.session.state.cells[0]?.eventCount === 3);
    expect(await b.call(stepCommand, 'off')).toMatchObject({ text: expect.stringMatching(/^Step mode off/) });
    await b.session.settled();
    expect(b.session.state.cells[0]?.status).toBe('complete');
  });

  it('steps a replay through its recorded events', async () => {
    const state = tempStateDir();
    try {
      const id = await withOfflineServer({ scenario: 'thinking' }, async (server) => {
        const { session, journal } = journaledSession(server, state.dir);
        await sendAll(session, ['why']);
        journal.close();
        return journal.id as string;
      });
      const b = await bench({ recordings: new Recordings(state.dir, 1) });
      await b.call(scenarioCommand, `replay ${id}:1`);
      await b.call(stepCommand);
      b.session.submit('why');
      const seen = await stepThrough(b);
      const cell = b.session.state.cells[0];
      expect(cell?.status).toBe('complete');
      expect(seen).toHaveLength(cell?.eventCount ?? -1);
    } finally {
      state.remove();
    }
  });

  it('refuses an argument it does not know', async () => {
    const b = await bench();
    expect(await b.call(stepCommand, 'sideways')).toMatchObject({ kind: 'error' });
  });
});
