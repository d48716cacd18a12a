import { temperatureCommand } from '../../src/commands/temperature.js';
import { commandCases } from '../support/command-cases.js';

commandCases(temperatureCommand, [
  {
    does: 'sets a temperature, and off goes back to the API default',
    calls: [
      ['0.3', { kind: 'settings', change: { temperature: 0.3 }, text: 'Temperature: 0.3' }],
      ['off', { kind: 'settings', change: { temperature: undefined }, text: 'Temperature: API default' }],
    ],
  },
  {
    does: 'refuses a value outside 0 to 1',
    calls: [['2', { kind: 'error', text: "/temperature must be a number from 0 to 1, got '2'" }]],
  },
]);
