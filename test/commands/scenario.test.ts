import { describe, expect, it } from 'vitest';
import { scenarioCommand } from '../../src/commands/scenario.js';
import { commandBenches } from './command-context.js';

const bench = commandBenches();

describe('/scenario', () => {
  it('answers the next turns with the named scenario', async () => {
    const b = await bench();
    expect(await b.call(scenarioCommand, 'refusal')).toEqual({
      kind: 'toast',
      text: 'Scenario: refusal (simulated)',
    });
    await b.send('hello');
    expect(b.session.state.cells[0]?.message?.stop_reason).toBe('refusal');
  });

  it('lists the scenarios when the name is unknown', async () => {
    const b = await bench();
    const result = await b.call(scenarioCommand, 'nope');
    expect(result).toMatchObject({
      kind: 'error',
      text: expect.stringMatching(/^unknown scenario 'nope': chat, long, /),
    });
  });
});
