import { expect } from 'vitest';
import type { StreamMode } from '../../src/engine/types.js';
import { type ExportedSession, sessionFromJournal } from '../../src/export/exported-session.js';
import { readJournal } from '../../src/journal/read-journal.js';
import { sessionPath } from '../../src/journal/state-dir.js';
import type { Session } from '../../src/session/session.js';
import { journaledSession, sendAll, tempStateDir } from './journaled.js';
import { withOfflineServer } from './offline.js';

/**
 * Runs prompts (or what `drive` does) on a saved session; resolves to it read back from its
 * file, and the session.
 */
export async function savedRun(
  scenario: string,
  mode: StreamMode,
  drive: readonly string[] | ((session: Session) => Promise<void>),
): Promise<{ saved: ExportedSession; session: Session }> {
  const state = tempStateDir();
  try {
    return await withOfflineServer({ scenario }, async (server) => {
      const { session, journal } = journaledSession(server, state.dir, mode);
      await (typeof drive === 'function' ? drive(session) : sendAll(session, drive));
      const path = journal.saved() as string;
      expect(path).toBe(sessionPath(state.dir, journal.id as string));
      journal.close();
      return { saved: sessionFromJournal(readJournal(path)), session };
    });
  } finally {
    state.remove();
  }
}
