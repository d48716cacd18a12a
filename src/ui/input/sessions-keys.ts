import type { CommandContext } from '../../commands/command.js';
import { runCommand } from '../../commands/index.js';
import { openSessionCommand } from '../../commands/sessions.js';
import { clamp } from '../render/clamp.js';
import type { Action } from './keymap.js';

type SessionsAction = Extract<Action, 'session-up' | 'session-down' | 'open-session' | 'close-sessions'>;

/** The /sessions list's keys: move the cursor, resume the session under it, or close the list. */
export const SESSIONS_ACTIONS: Record<SessionsAction, (keys: { commands: CommandContext }) => void> = {
  'session-up': ({ commands }) => moveCursor(commands, -1),
  'session-down': ({ commands }) => moveCursor(commands, 1),
  'open-session': ({ commands }) => void runCommand(openSessionCommand, '', commands),
  'close-sessions': ({ commands }) => commands.session.view(() => ({ sessions: null })),
};

function moveCursor({ session }: CommandContext, by: number): void {
  session.view(({ sessions }) =>
    sessions
      ? { sessions: { ...sessions, cursor: clamp(sessions.cursor + by, 0, sessions.rows.length - 1) } }
      : {},
  );
}
