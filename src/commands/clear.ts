import { type Command, toast } from './command.js';

export const clearCommand: Command = {
  name: 'clear',
  summary: 'start a new conversation (cells and history go; settings stay)',
  run({ session }) {
    session.clear();
    return toast('New conversation');
  },
};
