import type { Command } from './command.js';

export const timelineCommand: Command = {
  name: 'timeline',
  summary: 'show or hide the event timeline pane (also Ctrl+T)',
  run({ session }) {
    session.toggleTimeline();
    return { kind: 'none' };
  },
};
