import { isStreaming } from '../store/session-state.js';
import { type Command, error } from './command.js';

export const quitCommand: Command = {
  name: 'quit',
  summary: 'leave streambook (while a reply streams, asks first)',
  run({ session }) {
    // A reply in flight is asked about once; the /quit line comes back, and Enter confirms.
    if (isStreaming(session.state) && session.state.quitArmed === null) {
      session.armQuit('Enter');
      return error('a reply is streaming: press Enter again to stop it and quit');
    }
    return { kind: 'quit' };
  },
};
