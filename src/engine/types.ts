import type { Message, MessageParam } from '@anthropic-ai/sdk/resources/messages';

/** The event types of the Messages streaming protocol; anything else on the wire is newer than us. */
export const KNOWN_EVENT_TYPES: ReadonlySet<string> = new Set([
  'message_start',
  'content_block_start',
  'content_block_delta',
  'content_block_stop',
  'message_delta',
  'message_stop',
  'ping',
]);

/** How a turn talks to the SDK, mirroring the two seed notebooks. */
export type StreamMode = 'helper' | 'raw';

/** What a turn asks the model for. Plain data, so it can be shown, saved and changed by commands. */
export interface TurnSettings {
  model: string;
  maxTokens: number;
  system?: string | undefined;
  temperature?: number | undefined;
  /** Extended thinking budget in tokens; undefined means thinking is off. */
  thinkingBudget?: number | undefined;
  mode: StreamMode;
}

/** One server-sent event exactly as it came over the wire, ping and unknown types included. */
export interface WireEvent {
  /** Position on the wire within the turn, from 0, across all attempts. */
  seq: number;
  /** The HTTP attempt (0 for the first) that carried it. */
  attempt: number;
  /** Milliseconds since the turn's request was sent (monotonic clock). */
  t: number;
  /** UTF-8 bytes of the event's lines and their terminators, including the blank line. */
  bytes: number;
  /** The `event:` field, or null when the server sent none. */
  event: string | null;
  /** The data field exactly as received. */
  data: string;
  /** The data parsed as JSON (on each read); undefined when it is empty or not valid JSON. */
  readonly json: unknown;
  /** True when the data is not valid JSON. */
  readonly malformed?: true;
}

/** A request as it went out, with the credentials taken out where it was captured (redact-request.ts). */
export interface HttpRequest {
  readonly method: string;
  readonly url: string;
  /** Name and value of each header, as fetch lists them: lower case, sorted by name. */
  readonly headers: ReadonlyArray<readonly [name: string, value: string]>;
  /** The body exactly as sent: the JSON the SDK encoded, kept as that one string. */
  readonly body: string;
}

/** One HTTP attempt of a turn; the SDK retries 408, 409, 429 and 5xx on its own. */
export interface HttpAttempt {
  attempt: number;
  /** What this attempt sent; absent only where a test builds an attempt by hand. */
  request?: HttpRequest;
  /** When the request went out, ms since the turn began. */
  sentAt: number;
  /** When the response headers arrived; undefined while waiting or when the connection failed. */
  respondedAt?: number;
  status?: number;
  /** The response's headers, as the request's are kept (see HttpRequest). */
  responseHeaders?: ReadonlyArray<readonly [name: string, value: string]>;
  requestId?: string;
  /** The retry-after or retry-after-ms header, as a duration in ms, when the server sent one. */
  retryAfterMs?: number;
  /** One line on why the attempt failed at the transport level, if it did. */
  failure?: string;
}

export type TurnErrorKind =
  | 'http' // a non-2xx response before the stream began
  | 'stream_error' // an `error` event mid-stream
  | 'connection' // the connection failed or dropped
  | 'incomplete' // the stream ended without message_stop
  | 'malformed' // event data that is not valid JSON
  | 'config' // the request could not be made (e.g. no credentials)
  | 'timeout' // no byte arrived for the idle timeout, or the API asked for too long a wait
  | 'not_event_stream' // a 2xx reply that is not text/event-stream (a wrong --base-url)
  | 'internal'; // streambook itself failed on the reply; the session goes on

/** Every failure ends a turn with one of these. `message` is one line, fit to print as is. */
export interface TurnError {
  kind: TurnErrorKind;
  message: string;
  status?: number;
  requestId?: string;
  /** The API's error type, e.g. overloaded_error. */
  errorType?: string;
}

export interface TurnMetrics {
  /** ms from the request to the first byte of the successful response body (its first event). */
  ttfbMs: number | null;
  /** ms from the request to the first text delta: the seeds' "time to first token". */
  ttftMs: number | null;
  /** ms from the request to the end of the turn, however it ended. */
  totalMs: number;
  /** The final output token count; null when it never arrived. */
  outputTokens: number | null;
  /** Output tokens over the time from the first content delta to the end. */
  tokensPerSecond: number | null;
  stopReason: string | null;
  /** The message's usage as it stands; a lower bound unless `usageFinal`. */
  usage: Message['usage'] | null;
  /** False when message_delta's usage never came (the turn was cut short before it). */
  usageFinal: boolean;
  attempts: number;
}

/** A wait before the SDK's next attempt, announced so the view can count it down. */
export interface RetryWait {
  /** The attempt that follows the wait, from 1 (so the first retry is 2). */
  attempt: number;
  /** All the attempts the turn may make (retries plus one). */
  attempts: number;
  waitMs: number;
  /** When the wait ends, in ms since the epoch (Date.now()), for a countdown. */
  until: number;
}

export type TurnStatus = 'complete' | 'interrupted' | 'failed';

/** How a turn ended: the message (final, or partial), and why it ended. */
export interface TurnOutcome {
  status: TurnStatus;
  /** The final message when complete; the partial one (or null) otherwise. */
  message: Message | null;
  error?: TurnError;
  metrics: TurnMetrics;
}

/**
 * The one ordered stream a turn gives its consumer. A wire event always comes before the
 * deltas it carried, and `end` is always last.
 */
export type TurnUpdate =
  | { type: 'request'; t: number; model: string; messages: number }
  | { type: 'attempt'; attempt: HttpAttempt }
  | { type: 'response'; attempt: HttpAttempt }
  | { type: 'retry_wait'; wait: RetryWait }
  | { type: 'wire'; event: WireEvent }
  | { type: 'block_start'; index: number; block: { type: string } & Record<string, unknown> }
  | { type: 'text'; index: number; text: string; t: number }
  | { type: 'thinking'; index: number; text: string; t: number }
  | { type: 'input_json'; index: number; partialJson: string; t: number }
  | { type: 'citation'; index: number; citation: unknown }
  | { type: 'block_stop'; index: number }
  | { type: 'end'; outcome: TurnOutcome };

export type { Message, MessageParam };
