import { withoutCredentials } from '../engine/redact-request.js';
import type { HttpAttempt } from '../engine/types.js';
import type { Cell } from '../store/cell.js';
import { escapeControlsForJson } from '../terminal/neutralize.js';
import { cellEvents, type ExportedSession, eventTime } from './exported-session.js';
import { outcomeJson } from './message-json.js';

/** The version of this document's shape, for scripts that read it. */
const FORMAT = 1;

/**
 * The whole session as one JSON document, for scripts: the header, then each cell with its
 * prompt, settings, message (as print mode's JSON gives it), metrics, error, HTTP attempts
 * and every wire event with its time. Content is kept exactly; JSON escapes the controls.
 */
export function sessionJsonExport(session: ExportedSession): string {
  const document = {
    streambook_session: FORMAT,
    id: session.id,
    started: session.started,
    source: session.source,
    cells: session.turns.map(({ cell, at }) => cellJson(cell, at)),
  };
  // DEL, C1 and bidi controls escaped too (JSON.stringify leaves them raw): it reads back the same.
  return `${escapeControlsForJson(JSON.stringify(document, null, 2))}\n`;
}

function cellJson(cell: Cell, at: string) {
  return {
    id: cell.id,
    at,
    prompt: cell.prompt,
    settings: cell.settings,
    scenario: cell.scenario,
    status: cell.status,
    replaced_by: cell.replacedBy,
    message: outcomeJson(cell.message, toStatus(cell), cell.error, cell.metrics?.usageFinal ?? false),
    metrics: cell.metrics,
    error: cell.error,
    attempts: cell.attempts.map(attemptJson),
    events: cellEvents(cell).map((event) => ({
      seq: event.seq,
      attempt: event.attempt,
      t: eventTime(event.t),
      event: event.event,
      data: event.data,
      bytes: event.bytes,
    })),
  };
}

/** An exported cell has ended; one still streaming (never exported) reads as failed. */
function toStatus(cell: Cell) {
  return cell.status === 'streaming' ? 'failed' : cell.status;
}

function attemptJson(attempt: HttpAttempt): HttpAttempt {
  const { request, responseHeaders } = attempt;
  return {
    ...attempt,
    ...(request ? { request: { ...request, headers: withoutCredentials(request.headers) } } : {}),
    ...(responseHeaders ? { responseHeaders: withoutCredentials(responseHeaders) } : {}),
  };
}
