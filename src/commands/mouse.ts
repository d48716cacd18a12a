import { quoted } from '../config/shown.js';
import { type Command, error, toast } from './command.js';

export const mouseCommand: Command = {
  name: 'mouse',
  args: 'on|off',
  summary: 'mouse capture: on, the wheel scrolls the pane under it; off, the terminal selects text',
  run({ session }, args) {
    const value = args.trim();
    if (value !== 'on' && value !== 'off')
      return error(value === '' ? '/mouse needs on or off' : `/mouse takes on or off, got ${quoted(value)}`);
    session.view(() => ({ mouse: value === 'on' }));
    return toast(
      value === 'on'
        ? 'Mouse: on (the wheel scrolls; hold Shift to select text)'
        : 'Mouse: off (the terminal selects text; the wheel does not scroll)',
    );
  },
};
