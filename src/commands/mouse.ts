import { quoted } from '../config/shown.js';
import { UsageError } from '../config/usage-error.js';
import { toast } from './command.js';
import { valueCommand } from './value-command.js';

export const mouseCommand = valueCommand({
  name: 'mouse',
  args: 'on|off',
  summary: 'mouse capture: on, the wheel scrolls the pane under it; off, the terminal selects text',
  missing: () => '/mouse needs on or off',
  parse: (value) => {
    if (value !== 'on' && value !== 'off')
      throw new UsageError(`/mouse takes on or off, got ${quoted(value)}`);
    return value === 'on';
  },
  apply: (on, session) => {
    session.view(() => ({ mouse: on }));
    return toast(
      on
        ? 'Mouse: on (the wheel scrolls; hold Shift to select text)'
        : 'Mouse: off (the terminal selects text; the wheel does not scroll)',
    );
  },
});
