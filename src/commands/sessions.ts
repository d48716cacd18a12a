import { quoted } from '../config/shown.js';
import { JournalError, resumeSession } from '../journal/resume.js';
import { listSessions } from '../journal/session-list.js';
import { sessionsDir } from '../journal/state-dir.js';
import { type Command, type CommandResult, error, toast } from './command.js';

export const sessionsCommand: Command = {
  name: 'sessions',
  args: '[TEXT]',
  summary: 'list saved sessions, newest first (TEXT: those that say it); Enter resumes one, Esc closes',
  run({ session }, args) {
    const dir = session.stateDir;
    if (dir === null) return error('saved sessions are not kept by this notebook');
    const search = args.trim();
    const { sessions, notes } = listSessions(dir, search);
    if (sessions.length === 0) {
      return toast(
        search ? `no saved session holds ${quoted(search)}` : `no saved sessions in ${sessionsDir(dir)} yet`,
      );
    }
    const current = session.journal?.id ?? null;
    session.view(() => ({ sessions: { rows: sessions, cursor: 0, current, search }, page: null }));
    return skippedFiles(notes);
  },
};

/** One toast for the files the list left out: the first, and how many more. */
function skippedFiles(notes: readonly string[]): CommandResult {
  const [first] = notes;
  if (first === undefined) return { kind: 'none' };
  return toast(notes.length === 1 ? first : `${first} (and ${notes.length - 1} more)`, 'warning');
}

/**
 * Enter on a row of /sessions: that session is read as --resume reads it, and the notebook goes
 * on with it. Not in /help's list: it is a key's, and acts on the list's cursor.
 */
export const openSessionCommand: Command = {
  name: 'sessions',
  summary: 'resume the saved session under the cursor',
  run({ session }) {
    const page = session.state.view.sessions;
    const row = page?.rows[page.cursor];
    if (!row || session.stateDir === null) return { kind: 'none' };
    const warnings: string[] = [];
    let resumed: ReturnType<typeof resumeSession>;
    try {
      resumed = resumeSession({ stateDir: session.stateDir, save: true, resume: { id: row.id } }, (line) =>
        warnings.push(line),
      );
    } catch (thrown) {
      if (thrown instanceof JournalError) return error(thrown.message);
      throw thrown;
    }
    if (!resumed || !session.open(resumed)) return { kind: 'none' };
    session.view(() => ({ sessions: null, focus: 'prompt' }));
    const cells = resumed.state.cells.length;
    return toast(warnings[0] ?? `resumed ${row.id} (${cells} cell${cells === 1 ? '' : 's'})`);
  },
};
