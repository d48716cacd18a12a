import { type Command, toast } from './command.js';

export const rawCommand: Command = {
  name: 'raw',
  summary: 'show finished replies as plain text instead of rendered Markdown (toggle)',
  run({ session }) {
    session.view((view) => ({ rawText: !view.rawText }));
    return toast(session.state.view.rawText ? 'Replies: plain text' : 'Replies: Markdown');
  },
};
