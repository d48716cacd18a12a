import { dirname } from 'node:path';
import { shown } from '../config/shown.js';
import { type SessionEntry, sessionEntries } from './newest-session.js';
import { JournalError, readSessionFile } from './read-journal.js';
import type { HeaderRecord } from './records.js';
import { scanSession, sessionSays } from './session-scan.js';
import { isSessionId, sessionPath, sessionsDir } from './state-dir.js';

/** A saved session as /sessions and `streambook sessions` list it. */
export interface SessionSummary {
  id: string;
  /** ISO time the session began (from its header, as written). */
  started: string;
  /** ISO time its file was last written. */
  updated: string;
  /** Its first prompt, as typed (not yet made safe to show); '' for a session with no turn. */
  firstPrompt: string;
  cells: number;
  /** What its turns used, summed as the notebook's totals are (see turnEnded). */
  tokens: { input: number; output: number };
  /** The session it was forked from, and the cell the fork replaced. */
  parent?: { id: string; cell: number };
  path: string;
}

export interface SessionList {
  sessions: SessionSummary[];
  /** One line for each file in the folder that is not a readable session; skipped. */
  notes: string[];
}

/**
 * The saved sessions, newest first; with `search`, only those whose prompts or replies hold
 * it (case-insensitive). A file is read once while it is unchanged (same mtime and size):
 * its summary, or why it was skipped, and its answer to each search are kept for the
 * process, so opening the list again costs a stat a file.
 */
export function listSessions(stateDir: string, search = ''): SessionList {
  const wanted = search.trim().toLowerCase();
  const sessions: SessionSummary[] = [];
  const notes: string[] = [];
  const entries = sessionEntries(stateDir);
  forgetGone(stateDir, new Set(entries.map((entry) => sessionPath(stateDir, entry.id))));
  for (const entry of entries) {
    if (!isSessionId(entry.id)) {
      notes.push(`skipped ${shown(entry.id)}.jsonl: not a session id`);
      continue;
    }
    const path = sessionPath(stateDir, entry.id);
    const known = looked(path, entry, wanted);
    if (typeof known.found === 'string') notes.push(`skipped ${entry.id}: ${known.found}`);
    else if (!wanted || says(known, known.found.path, wanted)) sessions.push(known.found);
  }
  return { sessions, notes };
}

/** What is known of one file at one (mtime, size): its summary or why it was skipped. */
interface Known {
  mtimeMs: number;
  size: number;
  found: SessionSummary | string;
  /** Each search's answer so far. */
  says: Map<string, boolean>;
}

/** By path; a file's entry goes when the list no longer finds it. */
const knownFiles = new Map<string, Known>();

function forgetGone(stateDir: string, listed: ReadonlySet<string>): void {
  const folder = sessionsDir(stateDir);
  for (const path of knownFiles.keys())
    if (dirname(path) === folder && !listed.has(path)) knownFiles.delete(path);
}

/** The file's Known, read afresh unless kept; a search is answered from the same read. */
function looked(path: string, entry: SessionEntry, wanted: string): Known {
  const kept = knownFiles.get(path);
  if (kept && kept.mtimeMs === entry.mtimeMs && kept.size === entry.size) return kept;
  const fresh: Known = { mtimeMs: entry.mtimeMs, size: entry.size, found: '', says: new Map() };
  if (!entry.regular) fresh.found = 'not a regular file';
  else {
    try {
      const file = readSessionFile(path);
      // Kept under what was read: a file written meanwhile is read again next time.
      Object.assign(fresh, { mtimeMs: file.mtimeMs, size: file.size });
      fresh.found = summarize(entry.id, path, scanSession(file.text, path), file.mtimeMs);
      if (wanted) fresh.says.set(wanted, sessionSays(file.text, wanted));
    } catch (error) {
      if (!(error instanceof JournalError)) throw error;
      fresh.found = error.message;
    }
  }
  knownFiles.set(path, fresh);
  return fresh;
}

/** Whether the file holds `wanted`: read again for each new search, as its text is not kept. */
function says(file: Known, path: string, wanted: string): boolean {
  const kept = file.says.get(wanted);
  if (kept !== undefined) return kept;
  try {
    const read = readSessionFile(path);
    const answer = sessionSays(read.text, wanted);
    if (read.mtimeMs === file.mtimeMs && read.size === file.size) file.says.set(wanted, answer);
    return answer;
  } catch (error) {
    if (!(error instanceof JournalError)) throw error;
    return false;
  }
}

function summarize(
  id: string,
  path: string,
  { header, firstPrompt, cells, tokens }: ReturnType<typeof scanSession>,
  mtimeMs: number,
): SessionSummary {
  const parent = parentOf(header);
  const summary: SessionSummary = {
    id,
    started: header.started,
    updated: new Date(mtimeMs).toISOString(),
    firstPrompt,
    cells,
    tokens,
    path,
  };
  return parent ? { ...summary, parent } : summary;
}

/** The header's parent, when it is one (the reader checks only the fields it needs). */
function parentOf(header: HeaderRecord): SessionSummary['parent'] | undefined {
  const parent = header.parent as unknown;
  if (typeof parent !== 'object' || parent === null) return undefined;
  const { id, cell } = parent as { id?: unknown; cell?: unknown };
  return typeof id === 'string' && Number.isSafeInteger(cell) ? { id, cell: cell as number } : undefined;
}
