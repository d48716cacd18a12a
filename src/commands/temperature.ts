import { parseTemperature } from '../config/config.js';
import { settingCommand } from './value-command.js';

export const temperatureCommand = settingCommand({
  name: 'temperature',
  args: 'X|off',
  summary: 'sampling temperature from 0 to 1, or off for the API default',
  key: 'temperature',
  parse: (value) => (value === 'off' ? undefined : parseTemperature(value, '/temperature')),
  said: (temperature) =>
    temperature === undefined ? 'Temperature: API default' : `Temperature: ${temperature}`,
});
