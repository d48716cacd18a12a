import { afterEach, describe, expect, it } from 'vitest';
import { scenarioCommand } from '../../src/commands/scenario.js';
import { Recordings } from '../../src/offline/recording.js';
import { journaledSession, reopen, sendAll, tempStateDir } from '../support/journaled.js';
import { withOfflineServer } from '../support/offline.js';
import { commandBenches } from './command-context.js';

const bench = commandBenches();
const dirs: Array<() => void> = [];
afterEach(() => {
  for (const remove of dirs.splice(0)) remove();
});

/** A saved session of two turns answered by `scenario`; its state dir and id. */
async function recorded(scenario: string): Promise<{ dir: string; id: string }> {
  const state = tempStateDir();
  dirs.push(state.remove);
  const id = await withOfflineServer({ scenario }, async (server) => {
    const { session, journal } = journaledSession(server, state.dir, 'raw');
    await sendAll(session, ['first', 'weather in Lima']);
    journal.close();
    return journal.id as string;
  });
  return { dir: state.dir, id };
}

describe('/scenario replay ID:N', () => {
  it('answers the next turn with the recorded cell, equal to the recording', async () => {
    const { dir, id } = await recorded('tool-use');
    const b = await bench({ recordings: new Recordings(dir, 0), settings: { mode: 'raw' } });
    expect(await b.call(scenarioCommand, `replay ${id}:2`)).toEqual({
      kind: 'toast',
      text: `Scenario: replay of session ${id} cell 2 (recorded answers)`,
    });
    await b.send('any prompt at all');
    const cell = b.session.state.cells[0];
    const original = reopen(dir, id).state.cells[1];
    expect(cell?.scenario).toBe(`replay:${id}:2`);
    expect(cell?.message).toEqual(original?.message);
    expect(cell?.events.slice(0, cell.eventCount).map((e) => e.data)).toEqual(
      original?.events.slice(0, original.eventCount).map((e) => e.data),
    );
    // It keeps answering with the recording until another scenario is chosen.
    await b.send('again');
    expect(b.session.state.cells[1]?.message?.content).toEqual(original?.message?.content);
    await b.call(scenarioCommand, 'refusal');
    await b.send('and now');
    expect(b.session.state.cells[2]?.message?.stop_reason).toBe('refusal');
  });

  it('replay ID answers each prompt with the next recorded cell, and says when they run out', async () => {
    const { dir, id } = await recorded('chat');
    const b = await bench({ recordings: new Recordings(dir, 0), settings: { mode: 'raw' } });
    expect(await b.call(scenarioCommand, `replay ${id}`)).toEqual({
      kind: 'toast',
      text: `Scenario: replay of session ${id} cell by cell, one per prompt (recorded answers)`,
    });
    await b.send('one');
    await b.send('two');
    await b.send('three');
    const original = reopen(dir, id).state.cells;
    const [first, second, third] = b.session.state.cells;
    expect(first?.message).toEqual(original[0]?.message);
    expect(second?.message).toEqual(original[1]?.message);
    expect(third?.status).toBe('failed');
    expect(third?.error?.message).toMatch(
      /this replay has 2 recorded turns and this is prompt 3: a new conversation \(\/clear in the notebook\) starts it over/,
    );
    // A new conversation starts the recording over.
    b.session.clear();
    await b.send('again');
    expect(b.session.state.cells[0]?.message).toEqual(original[0]?.message);
  });

  it.each([
    ['replay', /takes ID:N/],
    ['replay not an id', /takes ID:N/],
    ['replay ../x:1', /takes ID:N/],
    ['replay 20990101-0000-zzzz:1', /no saved session 20990101-0000-zzzz in .*sessions lists them/],
    ['replay ID:3', /has no cell 3 \(it has cells 1 to 2\); pick one of those/],
  ])('refuses %j with an error result and keeps the scenario', async (args, message) => {
    const { dir, id } = await recorded('chat');
    const b = await bench({ recordings: new Recordings(dir, 0) });
    const result = await b.call(scenarioCommand, args.replace('ID', id));
    expect(result).toMatchObject({ kind: 'error', text: expect.stringMatching(message) });
    expect(b.session.state.scenario).toBe('chat');
    await b.send('hello');
    expect(b.session.state.cells[0]?.status).toBe('complete');
  });
});
