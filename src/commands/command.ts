import type { Clipboard } from '../clipboard/clipboard.js';
import { UsageError } from '../config/usage-error.js';
import type { TurnSettings } from '../engine/types.js';
import type { Session } from '../session/session.js';
import type { Page, Toast } from '../store/session-state.js';

/** What a command may read and touch: the session's actions, the clipboard and the files of cwd. */
export interface CommandContext {
  session: Session;
  clipboard: Clipboard;
  cwd: string;
  quit(): void;
}

/**
 * What should happen after a command, for the caller to do (commands/index.ts): a command
 * says what it means, and its test is a call and a look at the value.
 * - toast: one line on what the command did;
 * - error: a bad argument, shown inline; the line comes back to be fixed, and nothing is sent;
 * - settings: change settings for the next turns (each one then says it came from this command);
 * - show: open the help, or a page of text;
 * - quit: leave streambook;
 * - none: the command's own change shows for itself.
 */
export type CommandResult =
  | { kind: 'toast'; text: string; tone?: Toast['tone'] }
  | { kind: 'error'; text: string }
  | { kind: 'settings'; change: Partial<TurnSettings>; text: string }
  | { kind: 'show'; view: Page }
  | { kind: 'quit' }
  | { kind: 'none' };

/** A slash command: adding one means adding a file and listing it in commands/index.ts. */
export interface Command {
  name: string;
  /** The argument synopsis shown in /help, e.g. "[n] [path]". */
  args?: string;
  summary: string;
  run(context: CommandContext, args: string): CommandResult | Promise<CommandResult>;
}

/** A command that is one action of the session, whose change shows for itself (/retry, /timeline). */
export function sessionCommand(name: string, summary: string, act: (session: Session) => void): Command {
  return {
    name,
    summary,
    run({ session }) {
      act(session);
      return { kind: 'none' };
    },
  };
}

export function toast(text: string, tone?: Toast['tone']): CommandResult {
  return tone ? { kind: 'toast', text, tone } : { kind: 'toast', text };
}

export function error(text: string): Extract<CommandResult, { kind: 'error' }> {
  return { kind: 'error', text };
}

/**
 * A value read by one of config's parsers, or its complaint as an error result: the parsers
 * throw UsageError, since the command line shares them and exits on the first bad value.
 */
export function parsed<T extends string | number | boolean | undefined>(
  read: () => T,
): T | Extract<CommandResult, { kind: 'error' }> {
  try {
    return read();
  } catch (thrown) {
    if (thrown instanceof UsageError) return error(thrown.message);
    throw thrown;
  }
}

/** True for an error result (what `parsed` and the cell lookups give back instead of a value). */
export function isError(value: unknown): value is Extract<CommandResult, { kind: 'error' }> {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'error';
}
