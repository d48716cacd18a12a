import { readJournal } from '../journal/read-journal.js';
import { restoreSession } from '../journal/restore.js';
import { isSessionId, sessionPath, sessionsDir } from '../journal/state-dir.js';
import type { Cell } from '../store/cell.js';

/**
 * Which recorded turns a replay answers with: cell `cell` of saved session `id`, or with no
 * cell, the session's cells in turn (the conversation's n-th prompt gets its n-th cell).
 */
export interface ReplaySpec {
  id: string;
  cell: number | null;
}

/** One recorded event, timed from its attempt's request (ms). */
export interface RecordedWireEvent {
  t: number;
  event: string | null;
  data: string;
}

/**
 * One HTTP attempt of a recorded turn, as the session file keeps it. The file holds an error
 * response's status and headers but not its body; `errorBody` is made from what was kept (see
 * errorBodyOf).
 */
export interface RecordedAttempt {
  /** null: the connection failed before any response. */
  status: number | null;
  headers: ReadonlyArray<readonly [string, string]>;
  /** When the headers came, ms after the request; null when not recorded. */
  respondedAfterMs: number | null;
  events: RecordedWireEvent[];
  errorBody: string | null;
  /**
   * How the response ends after its last event: cleanly; with the socket cut (the connection
   * dropped); or held open, because the recording never saw an end (interrupted, stalled).
   */
  ending: 'end' | 'destroy' | 'hold';
}

/** A recorded turn a replay answers with. */
export interface Recording {
  spec: ReplaySpec;
  prompt: string;
  /** By the SDK's attempt number (x-stainless-retry-count); a later attempt gets the last. */
  attempts: RecordedAttempt[];
}

/** A replay that can't be loaded: one line that names the fix. */
export class RecordingError extends Error {}

/** `ID:N` or `ID` as typed after --replay or /scenario replay; null when it is not that shape. */
export function parseReplaySpec(text: string): ReplaySpec | null {
  const match = /^([^:]+)(?::([1-9]\d{0,8}))?$/.exec(text);
  if (!match || !isSessionId(match[1] as string)) return null;
  return { id: match[1] as string, cell: match[2] === undefined ? null : Number(match[2]) };
}

export const REPLAY_PREFIX = 'replay:';

/** The scenario name a replay goes by in the store and the session file: `replay:ID:N` or `replay:ID`. */
export function replayScenarioName(spec: ReplaySpec): string {
  return `${REPLAY_PREFIX}${spec.id}${spec.cell === null ? '' : `:${spec.cell}`}`;
}

/**
 * Recordings loaded from a state dir, each file read once: the CLI loads a replay before the
 * screen is taken (to fail with a plain line), and the offline server finds it here again.
 */
export class Recordings {
  readonly #loaded = new Map<string, Recording[]>();
  constructor(
    readonly stateDir: string,
    /** 1 is the recorded pace, 2 twice as fast, 0 everything at once. */
    readonly speed: number,
  ) {}

  /** The recorded cell of `ID:N`, or the first of `ID`'s; throws RecordingError. */
  load(text: string): Recording {
    return this.cells(text)[0] as Recording;
  }

  /** The recorded cells `ID:N` or `ID` answer with, never none; throws RecordingError. */
  cells(text: string): Recording[] {
    const spec = parseReplaySpec(text);
    if (!spec) {
      throw new RecordingError(`a replay is ID:N or ID (a session id, and a cell number), got ${text}`);
    }
    const key = replayScenarioName(spec);
    const cached = this.#loaded.get(key);
    if (cached) return cached;
    const recordings = loadRecordings(this.stateDir, spec);
    this.#loaded.set(key, recordings);
    return recordings;
  }
}

export function loadRecordings(stateDir: string, spec: ReplaySpec): Recording[] {
  const path = sessionPath(stateDir, spec.id);
  let cells: Cell[];
  try {
    cells = restoreSession(readJournal(path)).state.cells;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RecordingError(
      reason.startsWith('no session file')
        ? `no saved session ${spec.id} in ${sessionsDir(stateDir)} (streambook sessions lists them)`
        : `can't replay ${spec.id}: ${reason}`,
    );
  }
  if (spec.cell === null) {
    // The conversation as it stands: a cell /retry replaced left it, and so does its recording.
    const kept = cells.filter((cell) => cell.replacedBy === null && cell.attempts.length > 0);
    if (kept.length === 0) {
      throw new RecordingError(`session ${spec.id} has no turn that reached the API to replay; pick another`);
    }
    return kept.map((cell) => ({
      spec: { id: spec.id, cell: cell.id },
      prompt: cell.prompt,
      attempts: recordedAttempts(cell),
    }));
  }
  const cell = cells.find((c) => c.id === spec.cell);
  if (!cell) {
    const range = cells.length === 0 ? 'no cells' : `cells 1 to ${cells.at(-1)?.id}`;
    throw new RecordingError(
      `session ${spec.id} has no cell ${spec.cell} (it has ${range}); pick one of those`,
    );
  }
  const attempts = recordedAttempts(cell);
  if (attempts.length === 0) {
    throw new RecordingError(
      `cell ${spec.cell} of ${spec.id} has no recorded response to replay (it never reached the API); pick another cell`,
    );
  }
  return [{ spec, prompt: cell.prompt, attempts }];
}

function recordedAttempts(cell: Cell): RecordedAttempt[] {
  const events = cell.events.slice(0, cell.eventCount);
  const last = cell.attempts.length - 1;
  return cell.attempts.map((attempt, index) => {
    const status = attempt.status ?? null;
    return {
      status,
      headers: attempt.responseHeaders ?? [],
      respondedAfterMs: attempt.respondedAt === undefined ? null : attempt.respondedAt - attempt.sentAt,
      events: events
        .filter((event) => event.attempt === attempt.attempt)
        .map((event) => ({ t: event.t - attempt.sentAt, event: event.event, data: event.data })),
      errorBody: status !== null && status >= 400 ? errorBodyOf(cell, status, index === last) : null,
      ending: index === last ? endingOf(cell) : 'end',
    };
  });
}

function endingOf(cell: Cell): RecordedAttempt['ending'] {
  if (cell.status === 'interrupted') return 'hold';
  if (cell.error?.kind === 'connection') return 'destroy';
  if (cell.error?.kind === 'timeout') return 'hold';
  return 'end';
}

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

/**
 * The body of a recorded error response. The file keeps no error body: the turn's last
 * attempt gets its error type and the message the turn ended with (what the SDK read from the
 * body), and an earlier attempt a type for its status and a message that says it was not kept.
 */
function errorBodyOf(cell: Cell, status: number, last: boolean): string {
  const error = last && cell.error?.status === status ? cell.error : null;
  const type = error?.errorType ?? ERROR_TYPES[status] ?? 'api_error';
  const message = error
    ? apiMessage(error.message, status, error.errorType, error.requestId)
    : 'streambook replay: this response body was not recorded';
  return JSON.stringify({ type: 'error', error: { type, message } });
}

/** The API's message inside the line the turn ended with: `HTTP 401 TYPE: MESSAGE (request-id ID)`. */
function apiMessage(line: string, status: number, type?: string, requestId?: string): string {
  const prefix = `HTTP ${status} ${type ?? ''}: `;
  const suffix = requestId ? ` (request-id ${requestId})` : '';
  if (!line.startsWith(prefix) || !line.endsWith(suffix)) return line;
  return line.slice(prefix.length, line.length - suffix.length);
}
