import { type Command, CommandError } from './command.js';

export const modelCommand: Command = {
  name: 'model',
  args: 'NAME',
  summary: 'use model NAME for the next turns',
  run({ session }, args) {
    const name = args.trim();
    if (!name) throw new CommandError(`/model needs a name (now: ${session.state.settings.model})`);
    if (/\s/.test(name)) throw new CommandError(`a model name has no spaces, got '${name}'`);
    session.setSettings({ model: name });
    session.toast(`Model: ${name}`);
  },
};
