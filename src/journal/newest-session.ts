import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sessionsDir } from './state-dir.js';

/** The saved sessions' ids with when each was last written, newest first. */
export function sessionIds(state: string): Array<{ id: string; mtimeMs: number }> {
  let names: string[];
  try {
    names = readdirSync(sessionsDir(state));
  } catch {
    return [];
  }
  const found: Array<{ id: string; mtimeMs: number }> = [];
  for (const name of names) {
    if (!name.endsWith('.jsonl')) continue;
    try {
      found.push({
        id: name.slice(0, -'.jsonl'.length),
        mtimeMs: statSync(join(sessionsDir(state), name)).mtimeMs,
      });
    } catch {
      // Gone since it was listed.
    }
  }
  // The id sorts by start time: it breaks ties between files written in the same instant.
  return found.sort((a, b) => b.mtimeMs - a.mtimeMs || b.id.localeCompare(a.id));
}
