import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sessionsDir } from './state-dir.js';

/** A `.jsonl` file in the sessions folder, as stat found it. */
export interface SessionEntry {
  id: string;
  mtimeMs: number;
  size: number;
  /** False for a FIFO, a device or a folder named like a session: never opened for reading. */
  regular: boolean;
}

/** The `.jsonl` files in the sessions folder, newest first. */
export function sessionEntries(state: string): SessionEntry[] {
  let names: string[];
  try {
    names = readdirSync(sessionsDir(state));
  } catch {
    return [];
  }
  const found: SessionEntry[] = [];
  for (const name of names) {
    if (!name.endsWith('.jsonl')) continue;
    try {
      const stat = statSync(join(sessionsDir(state), name));
      found.push({
        id: name.slice(0, -'.jsonl'.length),
        mtimeMs: stat.mtimeMs,
        size: stat.size,
        regular: stat.isFile(),
      });
    } catch {
      // Gone since it was listed.
    }
  }
  // The id sorts by start time: it breaks ties between files written in the same instant.
  return found.sort((a, b) => b.mtimeMs - a.mtimeMs || b.id.localeCompare(a.id));
}

/** The saved sessions' ids with when each was last written, newest first (regular files only). */
export function sessionIds(state: string): Array<{ id: string; mtimeMs: number }> {
  return sessionEntries(state).filter((entry) => entry.regular);
}
