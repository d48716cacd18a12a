import { parseTemperature } from '../config/config.js';
import type { Command } from './command.js';

export const temperatureCommand: Command = {
  name: 'temperature',
  args: 'X|off',
  summary: 'sampling temperature from 0 to 1, or off for the API default',
  run({ session }, args) {
    const value = args.trim();
    const temperature = value === 'off' ? undefined : parseTemperature(value, '/temperature');
    session.setSettings({ temperature });
    session.toast(temperature === undefined ? 'Temperature: API default' : `Temperature: ${temperature}`);
  },
};
