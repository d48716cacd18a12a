import { modelName } from '../config/config.js';
import { type Command, CommandError } from './command.js';

export const modelCommand: Command = {
  name: 'model',
  args: 'NAME',
  summary: 'use model NAME for the next turns',
  run({ session }, args) {
    if (!args.trim()) throw new CommandError(`/model needs a name (now: ${session.state.settings.model})`);
    const name = modelName('/model', args) as string;
    session.setSettings({ model: name });
    session.toast(`Model: ${name}`);
  },
};
