import type { Middleware } from '@anthropic-ai/sdk';
import type { ServerSentEvent } from '@anthropic-ai/sdk/core/streaming';
import { firstLine } from '../terminal/one-line.js';
import { EndingError } from './ending-error.js';
import { isEventStream } from './event-stream-check.js';
import { captureHeaders, captureRequest } from './redact-request.js';
import { retryAfterMs } from './retry-policy.js';
import { SseReader } from './sse-reader.js';
import { readBody, tappedBody } from './tapped-body.js';
import type { HttpAttempt, WireEvent } from './types.js';

/** What the tap reports, in the order it saw it. */
export interface WireObserver {
  attempt(attempt: HttpAttempt): void;
  response(attempt: HttpAttempt): void;
  event(event: WireEvent): void;
  /** The observed body ended (cleanly or not); `failure` says why when it did not. */
  bodyEnd(failure?: unknown): void;
}

/**
 * A per-request SDK middleware that records every HTTP attempt and every server-sent event
 * exactly as it came over the wire. The SDK's own iterators drop `ping` and stop at `error`;
 * reading the body as the SDK's SSE reader does (SseReader) shows the timeline the server sent.
 */
export function createWireTap(
  clock: () => number,
  observer: WireObserver,
  /**
   * Takes the API key out of an event, should a proxy echo it back, and out of the request
   * as it is captured (see redact.ts).
   */
  redact: {
    event: (sse: ServerSentEvent) => ServerSentEvent;
    text: ((text: string) => string) | null;
  } = { event: (sse) => sse, text: null },
  /**
   * The tap reads the body the SDK is handed as it passes, and ends with the turn (`signal`).
   * Without it, the tap reads a copy of the body and the caller may drop the one it is handed.
   */
  inline?: { signal: AbortSignal },
): Middleware {
  let seq = 0;
  return async (request, next) => {
    const attempt: HttpAttempt = {
      attempt: Number(new Headers(request.headers).get('x-stainless-retry-count') ?? 0),
      request: captureRequest(request, redact.text),
      sentAt: clock(),
    };
    observer.attempt({ ...attempt });
    let response: Response;
    try {
      response = await next(request);
    } catch (error) {
      // The response guard refuses some replies (not a stream, too long a wait) by throwing;
      // the attempt still had its status.
      const status = error instanceof EndingError ? error.turnError.status : undefined;
      observer.response({
        ...attempt,
        ...(status ? { status } : {}),
        failure: firstLine(error instanceof Error ? error.message : String(error)),
      });
      throw error;
    }
    attempt.respondedAt = clock();
    attempt.status = response.status;
    attempt.responseHeaders = captureHeaders(response.headers, redact.text);
    const requestId = response.headers.get('request-id');
    if (requestId) attempt.requestId = requestId;
    const wait = retryAfterMs(response.headers);
    if (wait !== undefined) attempt.retryAfterMs = wait;
    observer.response({ ...attempt });

    if (!response.ok || !response.body || !isEventStream(response)) return response;
    // An event came when the chunk that ended it came: one clock read a chunk, not an event.
    let t = 0;
    const reader = new SseReader((sse, bytes) => {
      observer.event(toWireEvent(redact.event(sse), bytes, seq++, attempt.attempt, t));
    });
    const events = {
      push(chunk: Uint8Array) {
        t = clock();
        reader.push(chunk);
      },
      end() {
        t = clock();
        reader.end();
      },
    };
    const bodyEnd = (failure?: unknown) => observer.bodyEnd(failure);
    if (inline) return new Response(tappedBody(response.body, events, bodyEnd, inline.signal), response);
    void readBody(response.clone().body as ReadableStream<Uint8Array>, events, bodyEnd);
    return response;
  };
}

function toWireEvent(
  sse: ServerSentEvent,
  bytes: number,
  seq: number,
  attempt: number,
  t: number,
): WireEvent {
  return new RecordedEvent(seq, attempt, t, bytes, sse.event, sse.data);
}

/** An event read back from a session file, the same kind of object the tap makes. */
export function recordedEvent(
  seq: number,
  attempt: number,
  t: number,
  bytes: number,
  event: string | null,
  data: string,
): WireEvent {
  return new RecordedEvent(seq, attempt, t, bytes, event, data);
}

/**
 * An event as recorded. `json` and `malformed` are read from `data` when asked for, not
 * kept: a session of 100,000 events would otherwise hold every payload twice, and print mode
 * never looks. They live on the prototype, so each event is a small fixed-shape object and
 * JSON of it is just what came over the wire.
 */
class RecordedEvent implements WireEvent {
  constructor(
    readonly seq: number,
    readonly attempt: number,
    readonly t: number,
    readonly bytes: number,
    readonly event: string | null,
    readonly data: string,
  ) {}

  get json(): unknown {
    return parseData(this.data).json;
  }

  get malformed(): true | undefined {
    return parseData(this.data).malformed ? true : undefined;
  }
}

function parseData(data: string): { json: unknown; malformed: boolean } {
  if (data === '') return { json: undefined, malformed: false };
  try {
    return { json: JSON.parse(data), malformed: false };
  } catch {
    return { json: undefined, malformed: true };
  }
}
