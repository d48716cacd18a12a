import { STATUS_CODES } from 'node:http';
import packageJson from '../../package.json' with { type: 'json' };
import { withoutCredentials } from '../engine/redact-request.js';
import type { HttpAttempt, WireEvent } from '../engine/types.js';
import { escapeControlsForJson } from '../terminal/neutralize.js';
import { cellEvents, type ExportedSession, eventTime } from './exported-session.js';

type Headers = ReadonlyArray<readonly [string, string]>;

/**
 * Every HTTP exchange of the session as HAR 1.2, for browser devtools and HTTP Toolkit: one
 * entry per attempt (the SDK's retries included), with the exact request body, the response
 * text made again from the wire events as the SSE that carried them, and the timings the
 * turn measured. Credential headers are hidden, whoever's they are.
 */
export function harExport(session: ExportedSession): string {
  const entries = session.turns.flatMap(({ cell, at }) => {
    const events = cellEvents(cell);
    return cell.attempts.map((attempt) =>
      entry(
        attempt,
        events.filter((event) => event.attempt === attempt.attempt),
        at,
      ),
    );
  });
  const har = {
    log: { version: '1.2', creator: { name: 'streambook', version: packageJson.version }, entries },
  };
  // Exact content, with the controls a terminal would act on escaped (a reader reads them back).
  return `${escapeControlsForJson(JSON.stringify(har, null, 2))}\n`;
}

function entry(attempt: HttpAttempt, events: WireEvent[], at: string) {
  const request = attempt.request;
  const responded = attempt.respondedAt;
  const lastEvent = events.at(-1);
  // Unknown parts are 0, not -1: HAR wants send, wait and receive to be measured times.
  const wait = responded === undefined ? 0 : Math.max(0, responded - attempt.sentAt);
  const receive = responded === undefined || !lastEvent ? 0 : Math.max(0, eventTime(lastEvent.t) - responded);
  const body = events.map(sseText).join('');
  const responseHeaders = attempt.responseHeaders ?? [];
  return {
    startedDateTime: isoAfter(at, attempt.sentAt),
    time: wait + receive,
    request: {
      method: request?.method ?? 'POST',
      url: request?.url ?? '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: nameValues(withoutCredentials(request?.headers ?? [])),
      queryString: queryString(request?.url ?? ''),
      ...(request
        ? {
            postData: {
              mimeType: header(request.headers, 'content-type') ?? 'application/json',
              text: request.body,
            },
          }
        : {}),
      headersSize: -1,
      bodySize: request ? Buffer.byteLength(request.body) : 0,
    },
    response: {
      status: attempt.status ?? 0,
      statusText: attempt.status === undefined ? '' : (STATUS_CODES[attempt.status] ?? ''),
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: nameValues(withoutCredentials(responseHeaders)),
      content: {
        size: Buffer.byteLength(body),
        mimeType: header(responseHeaders, 'content-type') ?? 'text/event-stream',
        text: body,
      },
      redirectURL: '',
      headersSize: -1,
      bodySize: responded === undefined ? -1 : Buffer.byteLength(body),
    },
    cache: {},
    timings: { send: 0, wait, receive },
    ...(attempt.failure ? { comment: attempt.failure } : {}),
  };
}

/** An event as the SSE lines that carried it; data with line breaks took a `data:` line each. */
function sseText(event: WireEvent): string {
  const name = event.event === null ? '' : `event: ${event.event}\n`;
  return `${name}${event.data
    .split('\n')
    .map((line) => `data: ${line}\n`)
    .join('')}\n`;
}

/** `at` plus `ms`, as HAR's ISO time; a file's unreadable time counts from the epoch. */
function isoAfter(at: string, ms: number): string {
  const base = Date.parse(at);
  const date = new Date((Number.isFinite(base) ? base : 0) + ms);
  return Number.isFinite(date.getTime()) ? date.toISOString() : new Date(0).toISOString();
}

function nameValues(headers: Headers): Array<{ name: string; value: string }> {
  return headers.map(([name, value]) => ({ name, value }));
}

function header(headers: Headers, name: string): string | undefined {
  return headers.find(([key]) => key.toLowerCase() === name)?.[1];
}

function queryString(url: string): Array<{ name: string; value: string }> {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}
