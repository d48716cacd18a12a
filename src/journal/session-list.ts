import { shown } from '../config/shown.js';
import { sessionIds } from './newest-session.js';
import { JournalError, type ReadJournal, readJournal } from './read-journal.js';
import type { HeaderRecord, JournalRecord } from './records.js';
import { isSessionId, sessionPath } from './state-dir.js';

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
 * it (case-insensitive). Each file's records are read, but not restored: a turn is counted by
 * its record and the tokens summed from its end, so hundreds of sessions list quickly.
 */
export function listSessions(stateDir: string, search = ''): SessionList {
  const wanted = search.trim().toLowerCase();
  const sessions: SessionSummary[] = [];
  const notes: string[] = [];
  for (const { id, mtimeMs } of sessionIds(stateDir)) {
    if (!isSessionId(id)) {
      notes.push(`skipped ${shown(id)}.jsonl: not a session id`);
      continue;
    }
    const path = sessionPath(stateDir, id);
    let read: ReadJournal;
    try {
      read = readJournal(path);
    } catch (error) {
      if (!(error instanceof JournalError)) throw error;
      notes.push(`skipped ${id}: ${error.message}`);
      continue;
    }
    const summary = summarize(id, path, read, new Date(mtimeMs).toISOString());
    if (!wanted || holds(read.records, wanted)) sessions.push(summary);
  }
  return { sessions, notes };
}

function summarize(
  id: string,
  path: string,
  { header, records }: ReadJournal,
  updated: string,
): SessionSummary {
  let firstPrompt: string | null = null;
  let cells = 0;
  const tokens = { input: 0, output: 0 };
  for (const record of records) {
    if (record.r === 'turn') {
      cells++;
      firstPrompt ??= record.prompt;
    } else if (record.r === 'u' && record.u.type === 'end') {
      const { input, output } = endTokens(record.u.outcome);
      tokens.input += input;
      tokens.output += output;
    }
  }
  const parent = parentOf(header);
  const summary: SessionSummary = {
    id,
    started: header.started,
    updated,
    firstPrompt: firstPrompt ?? '',
    cells,
    tokens,
    path,
  };
  return parent ? { ...summary, parent } : summary;
}

/**
 * A turn's tokens as turnEnded adds them: the input count always, the output count only when
 * it is final. The file may have been edited by hand: anything not a count counts as none.
 */
function endTokens(outcome: unknown): { input: number; output: number } {
  const { message, metrics } = (outcome ?? {}) as {
    message?: { usage?: { input_tokens?: unknown; output_tokens?: unknown } } | null;
    metrics?: { usageFinal?: unknown };
  };
  const usage = message?.usage;
  return {
    input: count(usage?.input_tokens),
    output: metrics?.usageFinal === true ? count(usage?.output_tokens) : 0,
  };
}

function count(value: unknown): number {
  return Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : 0;
}

/** The header's parent, when it is one (the reader checks only the fields it needs). */
function parentOf(header: HeaderRecord): SessionSummary['parent'] | undefined {
  const parent = header.parent as unknown;
  if (typeof parent !== 'object' || parent === null) return undefined;
  const { id, cell } = parent as { id?: unknown; cell?: unknown };
  return typeof id === 'string' && Number.isSafeInteger(cell) ? { id, cell: cell as number } : undefined;
}

/**
 * Whether a prompt or a reply holds `wanted` (lower case). A reply's text is joined from its
 * pieces first, so a word split across deltas is found.
 */
function holds(records: readonly JournalRecord[], wanted: string): boolean {
  const replies = new Map<string, string[]>();
  for (const record of records) {
    if (record.r === 'turn' && record.prompt.toLowerCase().includes(wanted)) return true;
    if (record.r === 't' && record.k === undefined) {
      const key = `${record.c}:${record.i}`;
      const pieces = replies.get(key) ?? [];
      pieces.push(record.x);
      replies.set(key, pieces);
    }
  }
  for (const pieces of replies.values()) if (pieces.join('').toLowerCase().includes(wanted)) return true;
  return false;
}
