import { quoted } from '../config/shown.js';
import { type Command, CommandError } from './command.js';

export const mouseCommand: Command = {
  name: 'mouse',
  args: 'on|off',
  summary: 'mouse capture: on, the wheel scrolls the pane under it; off, the terminal selects text',
  run({ session }, args) {
    const value = args.trim();
    if (value !== 'on' && value !== 'off')
      throw new CommandError(
        value === '' ? '/mouse needs on or off' : `/mouse takes on or off, got ${quoted(value)}`,
      );
    session.view(() => ({ mouse: value === 'on' }));
    session.toast(
      value === 'on'
        ? 'Mouse: on (the wheel scrolls; hold Shift to select text)'
        : 'Mouse: off (the terminal selects text; the wheel does not scroll)',
    );
  },
};
