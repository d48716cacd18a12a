import { describe, expect, it } from 'vitest';
import { temperatureCommand } from '../../src/commands/temperature.js';
import { commandBenches } from './command-context.js';

const bench = commandBenches();

describe('/temperature', () => {
  it('sets a temperature, and off goes back to the API default', async () => {
    const b = await bench();
    expect(await b.call(temperatureCommand, '0.3')).toEqual({
      kind: 'settings',
      change: { temperature: 0.3 },
      text: 'Temperature: 0.3',
    });
    expect(await b.call(temperatureCommand, 'off')).toEqual({
      kind: 'settings',
      change: { temperature: undefined },
      text: 'Temperature: API default',
    });
  });

  it('refuses a value outside 0 to 1', async () => {
    const b = await bench();
    expect(await b.call(temperatureCommand, '2')).toEqual({
      kind: 'error',
      text: "/temperature must be a number from 0 to 1, got '2'",
    });
  });
});
