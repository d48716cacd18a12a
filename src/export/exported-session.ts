import type { WireEvent } from '../engine/types.js';
import type { ReadJournal } from '../journal/read-journal.js';
import type { RecordedSource } from '../journal/records.js';
import { restoreSession } from '../journal/restore.js';
import type { Cell } from '../store/cell.js';
import type { SessionState } from '../store/session-state.js';

/** One turn as the exports give it: its cell, and when its prompt was sent. */
export interface ExportedTurn {
  cell: Cell;
  /** ISO time the prompt was sent. */
  at: string;
}

/** A session as every export reads it: made from its file, or from the notebook with --no-save. */
export interface ExportedSession {
  /** The session file's id; null when the session was not saved. */
  id: string | null;
  /** ISO time the session began. */
  started: string;
  source: RecordedSource;
  turns: ExportedTurn[];
}

/**
 * The session as its file holds it, restored through the store's own updates (restore.ts),
 * so a resumed session exports exactly as the live one it continues.
 */
export function sessionFromJournal(journal: ReadJournal): ExportedSession {
  const { state } = restoreSession(journal);
  const sentAt = new Map<number, string>();
  for (const record of journal.records) if (record.r === 'turn') sentAt.set(record.c, record.at);
  const { header } = journal;
  return {
    id: header.id,
    started: header.started,
    source: header.source,
    turns: state.cells.map((cell) => ({ cell, at: sentAt.get(cell.id) ?? header.started })),
  };
}

/**
 * The session from the notebook's state, for --no-save, when there is no file to read. The
 * cells are the same data the file restores to; only the wall-clock times are not kept in
 * them, so `now` (the time of the export) stands for the session's start and every turn's.
 */
export function sessionFromState(state: SessionState, now: string): ExportedSession {
  return {
    id: null,
    started: now,
    source: state.source,
    turns: state.cells.map((cell) => ({ cell, at: now })),
  };
}

/** The wire events a cell has seen (its event list is shared with later versions). */
export function cellEvents(cell: Cell): WireEvent[] {
  return cell.events.slice(0, cell.eventCount);
}

/** An event's time offset as the session file keeps it, to the microsecond. */
export function eventTime(t: number): number {
  return Math.round(t * 1000) / 1000;
}
