import { describe, expect, it } from 'vitest';
import { scenarioCommand } from '../../src/commands/scenario.js';
import { commandCases } from '../support/command-cases.js';
import { commandBenches } from './command-context.js';

const bench = commandBenches();

commandCases(scenarioCommand, [
  {
    does: 'lists the scenarios when the name is unknown',
    calls: [
      ['nope', { kind: 'error', text: expect.stringMatching(/^unknown scenario 'nope': chat, long, /) }],
    ],
  },
]);

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
});
