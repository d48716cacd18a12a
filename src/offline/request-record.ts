import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { KEY_PIECE, KeyPattern } from '../engine/key-pattern.js';
import { pathOf } from './route.js';

/** One request as a log line tells it, once its response is over. */
export interface RequestRecord {
  method: string;
  /** Without the query; any piece of the request's own key in it is hidden. */
  path: string;
  /** The scenario that answered, as named; null when none did (a 404, a bad body). */
  scenario: string | null;
  /** null: the connection closed before any response (a replayed connection failure, a client gone). */
  status: number | null;
  /** The SSE events written. */
  events: number;
  durationMs: number;
  /** False when the response was cut: the client went, the scenario dropped it, the server stopped. */
  complete: boolean;
}

/** What the handler fills in as it learns it. */
export interface RecordInProgress {
  scenario: string | null;
  events: number;
}

/**
 * Starts a request's record, reported to `onRequest` when its response closes, however it
 * closes. Nothing in it comes from the request's headers but what a client could put in its
 * path or scenario name, and its key is hidden there too: a log line is not the place for it.
 */
export function recordRequest(
  req: IncomingMessage,
  res: ServerResponse,
  startedAt: number,
  onRequest: ((record: RequestRecord) => void) | undefined,
): RecordInProgress {
  const record: RecordInProgress = { scenario: null, events: 0 };
  if (!onRequest) return record;
  const hide = keyHider(req);
  res.once('close', () => {
    onRequest({
      method: req.method ?? '',
      path: hide(pathOf(req.url)),
      scenario: record.scenario === null ? null : hide(record.scenario),
      status: res.headersSent ? res.statusCode : null,
      events: record.events,
      durationMs: performance.now() - startedAt,
      complete: res.writableFinished,
    });
  });
  return record;
}

function keyHider(req: IncomingMessage): (text: string) => string {
  const header = req.headers['x-api-key'] ?? req.headers.authorization?.replace(/^Bearer\s+/i, '');
  const key = typeof header === 'string' ? header.trim() : '';
  if (key.length < KEY_PIECE) return (text) => text;
  const pattern = new KeyPattern(key);
  return (text) => pattern.hide(text);
}
