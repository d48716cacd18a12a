import { modelName } from '../config/config.js';
import { type Command, error, isError, parsed } from './command.js';

export const modelCommand: Command = {
  name: 'model',
  args: 'NAME',
  summary: 'use model NAME for the next turns',
  run({ session }, args) {
    if (!args.trim()) return error(`/model needs a name (now: ${session.state.settings.model})`);
    const name = parsed(() => modelName('/model', args) as string);
    if (isError(name)) return name;
    return { kind: 'settings', change: { model: name }, text: `Model: ${name}` };
  },
};
