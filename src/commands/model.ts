import { modelName } from '../config/config.js';
import { settingCommand } from './value-command.js';

export const modelCommand = settingCommand({
  name: 'model',
  args: 'NAME',
  summary: 'use model NAME for the next turns',
  key: 'model',
  missing: ({ model }) => `/model needs a name (now: ${model})`,
  parse: (value) => modelName('/model', value) as string,
  said: (name) => `Model: ${name}`,
});
