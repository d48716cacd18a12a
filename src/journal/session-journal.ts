import { withoutCredentials } from '../engine/redact-request.js';
import type { MessageParam, TurnUpdate } from '../engine/types.js';
import type { Cell } from '../store/cell.js';
import { JournalFile } from './journal-file.js';
import { type ReadJournal, readJournal } from './read-journal.js';
import { type HeaderRecord, JOURNAL_VERSION, type UpdateRecord } from './records.js';
import { compactBody } from './request-body.js';
import { newSessionId, sessionPath } from './state-dir.js';
import { deltaLine, textLine } from './stream-lines.js';
import { eventRecord, textRecord } from './wire-records.js';

/**
 * An attempt as saved: credential headers hidden whoever's they are, and the body compacted
 * where it can be (see UpdateRecord).
 */
function attemptRecord(
  c: number,
  update: Extract<TurnUpdate, { type: 'attempt' | 'response' }>,
  sent: readonly MessageParam[] | undefined,
): UpdateRecord {
  const request = update.attempt.request;
  if (!request) return { r: 'u', c, u: update };
  const headers = withoutCredentials(request.headers);
  const compact = compactBody(request.body, sent);
  const body = compact === undefined ? request.body : '';
  const attempt = { ...update.attempt, request: { ...request, headers, body } };
  return { r: 'u', c, u: { ...update, attempt }, ...(compact === undefined ? {} : { b: compact }) };
}

/** What a session's controller tells its recorder; `null` journals (--no-save) are just absent. */
export interface Journal {
  /** The session's id, once it has one. */
  readonly id: string | null;
  turnStarted(cell: Cell, replaces: number | null, messages: readonly MessageParam[]): void;
  update(cell: number, update: TurnUpdate): void;
  broke(cell: number, message: string): void;
  /** /clear: the next turn begins a new session; this one stays as it was. */
  cleared(): void;
  /** The notebook opened saved session `id`: the next turns go on in its file; this one stays as it was. */
  resumed(id: string): void;
  /**
   * Writes what is pending and gives the session file's path, for reading it whole (/export);
   * null when there is no file (no turn yet) or it could not be written.
   */
  saved(): string | null;
  /** /rerun, /edit: the next turn begins a fork holding the cells before `cell`. */
  fork(cell: number): void;
  close(): void;
}

export type SessionHeader = Omit<HeaderRecord, 'r' | 'v' | 'id' | 'started'>;

export interface JournalOptions {
  stateDir: string;
  header: SessionHeader;
  warn: (line: string) => void;
  /** Go on writing an existing session (resume): its header is already written. */
  resume?: string;
  now?: () => Date;
}

/**
 * Writes a session as it happens (see records.ts for the format). The file is made at the
 * first turn, so a notebook opened and closed empty leaves nothing behind.
 */
export class SessionJournal implements Journal {
  readonly #options: JournalOptions;
  #file: JournalFile | null = null;
  #id: string | null;
  /** The messages each running turn sent, for compacting its request bodies. */
  readonly #sent = new Map<number, readonly MessageParam[]>();
  /** Set once writing failed, so a cleared session does not try (and warn) again. */
  #off = false;

  constructor(options: JournalOptions) {
    this.#options = options;
    this.#id = options.resume ?? null;
    if (options.resume)
      this.#file = new JournalFile(sessionPath(options.stateDir, options.resume), options.warn);
  }

  get id(): string | null {
    return this.#id;
  }

  turnStarted(cell: Cell, replaces: number | null, messages: readonly MessageParam[]): void {
    const file = this.#open();
    if (!file) return;
    this.#sent.set(cell.id, messages);
    file.append({
      r: 'turn',
      c: cell.id,
      at: (this.#options.now?.() ?? new Date()).toISOString(),
      prompt: cell.prompt,
      settings: cell.settings,
      scenario: cell.scenario,
      ...(replaces === null ? {} : { replaces }),
    });
  }

  update(c: number, update: TurnUpdate): void {
    const file = this.#file;
    if (!file || file.failed) return;
    if (update.type === 'wire') {
      const line = deltaLine(c, update.event);
      if (line) file.appendLine(line);
      else file.append(eventRecord(c, update.event));
      return;
    }
    if (update.type === 'text' || update.type === 'thinking' || update.type === 'input_json') {
      const line = textLine(c, update);
      if (line) file.appendLine(line);
      else file.append(textRecord(c, update));
      return;
    }
    if (update.type === 'attempt' || update.type === 'response') {
      file.append(attemptRecord(c, update, this.#sent.get(c)));
      return;
    }
    file.append({ r: 'u', c, u: update });
    if (update.type === 'end') {
      this.#sent.delete(c);
      file.flush();
    }
  }

  broke(c: number, m: string): void {
    const file = this.#file;
    if (!file) return;
    this.#sent.delete(c);
    file.append({ r: 'broke', c, m });
    file.flush();
  }

  cleared(): void {
    this.#file?.close();
    if (this.#file?.failed) this.#off = true;
    this.#file = null;
    this.#id = null;
  }

  resumed(id: string): void {
    this.cleared();
    this.#id = id;
    if (!this.#off) this.#file = new JournalFile(sessionPath(this.#options.stateDir, id), this.#options.warn);
  }

  saved(): string | null {
    const file = this.#file;
    file?.flush();
    return file && !file.failed ? file.path : null;
  }

  /**
   * /rerun and /edit: the next turns go to a new session that holds this one's cells before
   * `cell` (copied from its file) and names this one as its parent. This file is left as it
   * was, so the parent stays whole and resumable.
   */
  fork(cell: number): void {
    const parent = this.#id;
    const path = this.#file?.path;
    this.cleared();
    if (!parent || !path || this.#off) return;
    let read: ReadJournal;
    try {
      read = readJournal(path);
    } catch {
      // The parent can't be read back (deleted meanwhile): the fork starts empty-handed.
      return;
    }
    const { r: _r, v: _v, id: _id, started: _started, ...header } = read.header;
    const file = this.#open({ ...header, parent: { id: parent, cell } });
    if (!file) return;
    for (const record of read.records) if ('c' in record && record.c < cell) file.append(record);
    file.flush();
  }

  close(): void {
    this.#file?.close();
  }

  #open(header: SessionHeader = this.#options.header): JournalFile | null {
    if (this.#off) return null;
    if (this.#file) return this.#file.failed ? null : this.#file;
    const now = this.#options.now?.() ?? new Date();
    const id = newSessionId(now);
    this.#id = id;
    this.#file = new JournalFile(sessionPath(this.#options.stateDir, id), this.#options.warn);
    this.#file.append({
      r: 'session',
      v: JOURNAL_VERSION,
      id,
      started: now.toISOString(),
      ...header,
    });
    return this.#file;
  }
}
