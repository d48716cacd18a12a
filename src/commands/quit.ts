import { isStreaming } from '../store/session-state.js';
import { type Command, CommandError } from './command.js';

export const quitCommand: Command = {
  name: 'quit',
  summary: 'leave streambook (while a reply streams, asks first)',
  run({ session, quit }) {
    // A reply in flight is asked about once; the /quit line comes back, and Enter confirms.
    if (isStreaming(session.state) && session.state.quitArmed === null) {
      session.armQuit('Enter');
      throw new CommandError('a reply is streaming: press Enter again to stop it and quit');
    }
    quit();
  },
};
