// From the errors' own module: the package's root loads the whole client (about 1 MB).
import { AnthropicError, APIConnectionError, APIError } from '@anthropic-ai/sdk/core/error';
import { firstLine, oneLine } from '../terminal/one-line.js';
import { EventOrderError, MalformedEventError } from './accumulate.js';
import { EndingError } from './ending-error.js';
import type { TurnError } from './types.js';

/** What the turn knew when the error surfaced, so the line can say where it happened. */
export interface ErrorContext {
  eventsSeen: number;
}

/**
 * Turns whatever the SDK or the network threw into one honest line. The API key is taken out
 * with the rest of the turn's updates (redact.ts), not here.
 */
export function toTurnError(error: unknown, context: ErrorContext): TurnError {
  const classified = classify(error, context);
  // The server's own message may hold line breaks, which would forge lines on stderr.
  return { ...classified, message: oneLine(classified.message) };
}

function classify(error: unknown, { eventsSeen }: ErrorContext): TurnError {
  // The engine's own findings come worded already, whatever the SDK wrapped them in.
  const ending = findCause(error, (e) => e instanceof EndingError);
  if (ending instanceof EndingError) return ending.turnError;
  if (error instanceof APIError && !(error instanceof APIConnectionError)) {
    const errorType = error.type ?? undefined;
    const detail = error.apiMessage ?? firstLine(error.message);
    const requestId = error.requestID ?? undefined;
    const suffix = requestId ? ` (request-id ${requestId})` : '';
    if (error.status === undefined) {
      return withOptional(
        { kind: 'stream_error', message: `${errorType ?? 'error'} mid-stream: ${detail}${suffix}` },
        { requestId, errorType },
      );
    }
    return withOptional(
      {
        kind: 'http',
        status: error.status,
        message: `HTTP ${error.status} ${errorType ?? ''}: ${detail}${suffix}`,
      },
      { requestId, errorType },
    );
  }
  const parseError = findParseError(error);
  if (parseError) {
    return {
      kind: 'malformed',
      message: `malformed event data after ${eventsSeen} events: ${firstLine(parseError.message)}`,
    };
  }
  if (error instanceof APIConnectionError) {
    return { kind: 'connection', message: `connection failed: ${rootCause(error)}` };
  }
  if (error instanceof AnthropicError && /authentication|apiKey|authToken/i.test(error.message)) {
    return { kind: 'config', message: firstLine(error.message) };
  }
  const where = eventsSeen > 0 ? ` after ${eventsSeen} events` : '';
  return { kind: 'connection', message: `connection dropped${where}: ${rootCause(error)}` };
}

/** Whether the SDK or our accumulator could not read an event (bad JSON, impossible order). */
export function isParseError(error: unknown): boolean {
  return findParseError(error) !== undefined;
}

// The helper wraps the SyntaxError of a bad data line in an AnthropicError; look beneath.
// Its own check of the event order (a second message_start) says so only in its message.
function findParseError(error: unknown): Error | undefined {
  return findCause(
    error,
    (e) =>
      e instanceof SyntaxError ||
      e instanceof EventOrderError ||
      e instanceof MalformedEventError ||
      isShapeError(e) ||
      /Unexpected event order/.test(e.message),
  );
}

/**
 * The helper's accumulator reads an event's fields before we can check them, so an event of
 * the wrong shape (`data: null`) surfaces as its TypeError. fetch's own TypeErrors ("fetch
 * failed", "terminated") always carry the network's reason as their cause; a shape error has none.
 */
function isShapeError(error: Error): boolean {
  return (
    error instanceof TypeError &&
    error.cause === undefined &&
    !/^(terminated|fetch failed)$/.test(error.message)
  );
}

function findCause(error: unknown, test: (e: Error) => boolean): Error | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (test(current)) return current;
    current = current.cause;
  }
  return undefined;
}

function withOptional(
  base: TurnError,
  extra: { requestId?: string | undefined; errorType?: string | undefined },
) {
  const error = { ...base };
  if (extra.requestId) error.requestId = extra.requestId;
  if (extra.errorType) error.errorType = extra.errorType;
  return error;
}

/** Node's fetch reports a dropped socket as "terminated", with the real reason in `cause`. */
function rootCause(error: unknown): string {
  let current: unknown = error;
  let text = '';
  for (let depth = 0; depth < 5 && current; depth++) {
    if (current instanceof Error) {
      const code = (current as { code?: unknown }).code;
      text =
        firstLine(current.message) +
        (typeof code === 'string' && !current.message.includes(code) ? ` (${code})` : '');
      current = current.cause;
    } else {
      text = firstLine(String(current));
      break;
    }
  }
  return text || 'unknown error';
}
