import { parseTemperature } from '../config/config.js';
import { type Command, isError, parsed } from './command.js';

export const temperatureCommand: Command = {
  name: 'temperature',
  args: 'X|off',
  summary: 'sampling temperature from 0 to 1, or off for the API default',
  run(_context, args) {
    const value = args.trim();
    const temperature = value === 'off' ? undefined : parsed(() => parseTemperature(value, '/temperature'));
    if (isError(temperature)) return temperature;
    const text = temperature === undefined ? 'Temperature: API default' : `Temperature: ${temperature}`;
    return { kind: 'settings', change: { temperature }, text };
  },
};
