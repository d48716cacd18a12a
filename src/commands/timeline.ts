import { sessionCommand } from './command.js';

export const timelineCommand = sessionCommand(
  'timeline',
  'show or hide the event timeline pane (also Ctrl+T)',
  (session) => session.toggleTimeline(),
);
