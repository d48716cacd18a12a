import type { StreamEvent } from '../engine/accumulate.js';
import type { TurnError, WireEvent } from '../engine/types.js';
import { firstLine, oneLine } from '../terminal/one-line.js';

/**
 * What the SDK's stream iterator makes of one wire event (core/streaming): `ping` and unnamed
 * events are skipped, an `error` event ends the stream, and any other data is parsed as JSON.
 * The tap reads the wire as the SDK would, so a tapped turn's message is the client's.
 */
export type SdkEvent =
  | { kind: 'skip' }
  | { kind: 'event'; event: StreamEvent }
  | { kind: 'error'; data: string }
  | { kind: 'malformed'; reason: string };

export function sdkEvent(wire: WireEvent): SdkEvent {
  if (wire.event === 'ping' || wire.event === null) return { kind: 'skip' };
  if (wire.event === 'error') return { kind: 'error', data: wire.data };
  if (!wire.data) return { kind: 'skip' };
  try {
    return { kind: 'event', event: JSON.parse(wire.data) as StreamEvent };
  } catch (error) {
    return { kind: 'malformed', reason: error instanceof Error ? error.message : String(error) };
  }
}

/** The API's error body, `{"type":"error","error":{"type":…,"message":…}}`, as far as it is one. */
function apiError(body: string): { type?: string; message?: string } {
  try {
    const error = (JSON.parse(body) as { error?: { type?: unknown; message?: unknown } }).error;
    return {
      ...(typeof error?.type === 'string' ? { type: error.type } : {}),
      ...(typeof error?.message === 'string' ? { message: error.message } : {}),
    };
  } catch {
    return {};
  }
}

// The lines below are worded as the engine words the SDK's errors (turn-error.ts), so a tapped
// turn reads like a notebook's, and a replay can make the error body again from it.

/** A non-2xx answer, from its body. */
export function httpError(status: number, body: string, requestId: string | null): TurnError {
  const { type, message } = apiError(body);
  const detail = message ?? (firstLine(body).slice(0, 200) || 'no body');
  const suffix = requestId ? ` (request-id ${requestId})` : '';
  return withOptional(
    { kind: 'http', status, message: oneLine(`HTTP ${status} ${type ?? ''}: ${detail}${suffix}`) },
    requestId,
    type,
  );
}

/** An `error` event mid-stream. */
export function streamError(data: string, requestId: string | null): TurnError {
  const { type, message } = apiError(data);
  const suffix = requestId ? ` (request-id ${requestId})` : '';
  const line = `${type ?? 'error'} mid-stream: ${message ?? firstLine(data).slice(0, 200)}${suffix}`;
  return withOptional({ kind: 'stream_error', message: oneLine(line) }, requestId, type);
}

export function malformed(eventsSeen: number, reason: string): TurnError {
  return {
    kind: 'malformed',
    message: oneLine(`malformed event data after ${eventsSeen} events: ${firstLine(reason)}`),
  };
}

export function incomplete(eventsSeen: number): TurnError {
  return { kind: 'incomplete', message: `stream ended without message_stop after ${eventsSeen} events` };
}

/** An answer past what the tap records of one (see body-copy.ts); the client got all of it. */
export function tooLarge(cap: string): TurnError {
  return {
    kind: 'internal',
    message: `the answer is too large to record (past ${cap} decoded); the client got all of it`,
  };
}

export function connectionError(eventsSeen: number, cause: string): TurnError {
  const message =
    eventsSeen > 0
      ? `connection dropped after ${eventsSeen} events: ${cause}`
      : `connection failed: ${cause}`;
  return { kind: 'connection', message: oneLine(message) };
}

function withOptional(error: TurnError, requestId: string | null, errorType: string | undefined): TurnError {
  return { ...error, ...(requestId ? { requestId } : {}), ...(errorType ? { errorType } : {}) };
}

/** An error's first line, with its code (ECONNRESET…) when the message lacks it. */
export function causeOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const text = firstLine(error instanceof Error ? error.message : String(error));
  return code && !text.includes(code) ? `${text} (${code})` : text;
}
