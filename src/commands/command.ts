import type { Clipboard } from '../clipboard/clipboard.js';
import type { Session } from '../session/session.js';

/** What a command may touch: the session's actions, the clipboard, the files of cwd, and quitting. */
export interface CommandContext {
  session: Session;
  clipboard: Clipboard;
  cwd: string;
  quit(): void;
}

/** A slash command: adding one means adding a file and listing it in commands/index.ts. */
export interface Command {
  name: string;
  /** The argument synopsis shown in /help, e.g. "[n] [path]". */
  args?: string;
  summary: string;
  run(context: CommandContext, args: string): void | Promise<void>;
}

/** A bad argument: shown inline, and nothing is sent. */
export class CommandError extends Error {}
