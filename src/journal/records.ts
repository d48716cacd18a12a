import type { TurnSettings, TurnUpdate } from '../engine/types.js';

/** The session file's format version; a reader refuses a file from a newer one. */
export const JOURNAL_VERSION = 1;

/** Where answers came from when the session was recorded (never with the key). */
export interface RecordedSource {
  offline: boolean;
  describe: string;
  baseURL?: string;
}

/** The first line of every session file. */
export interface HeaderRecord {
  r: 'session';
  v: number;
  id: string;
  /** ISO time the session began. */
  started: string;
  settings: TurnSettings;
  scenario: string | null;
  source: RecordedSource;
  /** 'notebook', 'print' or 'tap': what wrote it. */
  by: string;
  /** The session this one was forked from, and the cell the fork replaced. */
  parent?: { id: string; cell: number };
}

/** A prompt sent: a new cell. `replaces` is the cell /retry sent it in place of. */
export interface TurnRecord {
  r: 'turn';
  c: number;
  at: string;
  prompt: string;
  settings: TurnSettings;
  scenario: string | null;
  replaces?: number;
}

/**
 * A wire event. Sequence numbers are the order of the lines and are not written; the
 * attempt, the event name and the byte count only when they differ from the usual
 * (attempt 0, no name, the bytes of `event:`/`data:` lines with LF).
 */
export interface EventRecord {
  r: 'e';
  c: number;
  t: number;
  d: string;
  e?: string | null;
  a?: number;
  n?: number;
}

/**
 * A content_block_delta whose data is exactly what JSON.stringify makes of its parts, so the
 * data is written as its text alone and made again on reading, byte for byte. This is what
 * keeps a 20k-delta turn's file near the size of its wire.
 */
export interface DeltaRecord {
  r: 'd';
  c: number;
  t: number;
  /** The block's index. */
  i: number;
  k: DeltaKind;
  x: string;
  e?: string | null;
  a?: number;
  n?: number;
}

/**
 * A piece of a block's text as the view was given it (text, thinking or a tool's input JSON).
 * Written beside the deltas, not made from them: the key's redactor may hold back or hide
 * part of a delta, so the pieces are not always the deltas' texts.
 */
export interface TextRecord {
  r: 't';
  c: number;
  t: number;
  i: number;
  /** Absent for text. */
  k?: 'thinking' | 'input_json';
  x: string;
}

/**
 * Any other update of a turn, as the engine gave it. An attempt's request body repeats the
 * whole history; where it is the JSON of its fields, `b` holds it with `messages` null (the
 * reader knows the messages sent) and the body in `u` is empty: a long session's file grows
 * with its turns, not with their square.
 */
export interface UpdateRecord {
  r: 'u';
  c: number;
  u: TurnUpdate;
  b?: string;
}

/** The turn failed inside streambook (see Session's `broke`). */
export interface BrokeRecord {
  r: 'broke';
  c: number;
  m: string;
}

export type JournalRecord =
  | HeaderRecord
  | TurnRecord
  | EventRecord
  | DeltaRecord
  | TextRecord
  | UpdateRecord
  | BrokeRecord;

export type DeltaKind = 'text' | 'thinking' | 'input_json';

/** The delta types whose whole content is one string field. */
export const DELTA_FIELDS: Record<DeltaKind, { delta: string; field: string }> = {
  text: { delta: 'text_delta', field: 'text' },
  thinking: { delta: 'thinking_delta', field: 'thinking' },
  input_json: { delta: 'input_json_delta', field: 'partial_json' },
};
