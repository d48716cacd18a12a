import { readJournal } from '../../src/journal/read-journal.js';
import { restoreSession } from '../../src/journal/restore.js';
import { sessionPath } from '../../src/journal/state-dir.js';
import type { Cell } from '../../src/store/cell.js';
import type { TapServer } from '../../src/tap/tap-server.js';

/**
 * The tap's session as resume reads it, once `count` turns have their end written: a client
 * may see its answer end before the tap files it, and a turn read before its end is cut off.
 */
export async function tappedCells(tap: TapServer, stateDir: string, count: number): Promise<Cell[]> {
  for (;;) {
    const id = tap.sessionId;
    if (id) {
      const read = readJournal(sessionPath(stateDir, id));
      const ended = read.records.filter((r) => r.r === 'u' && r.u.type === 'end').length;
      if (ended >= count) return restoreSession(read).state.cells;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
