import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Schedule } from './pace.js';
import type { RecordedAttempt, Recording } from './recording.js';
import type { OfflineRequest } from './request.js';
import type { SseEvent } from './sse.js';
import type { StepGate } from './step-gate.js';
import { writeEvents } from './stream-writer.js';

// A timer longer than this fires at once (and Node warns); a recording that asks for more is hostile.
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** When a replayed attempt's headers and each of its events are due, ms after the request; null is now. */
export interface ReplayTimeline {
  headersAt: number | null;
  events: Array<SseEvent & { due: number | null }>;
}

/**
 * The recorded times scaled by `speed` (2 halves every gap, 0 sends everything at once): the
 * schedule a replay keeps, kept apart from the writing so it can be checked without a clock.
 */
export function replayTimeline(attempt: RecordedAttempt, speed: number): ReplayTimeline {
  const at = (ms: number | null) =>
    ms === null || speed === 0 ? null : Math.min(Math.max(0, ms) / speed, LONGEST_TIMER_MS);
  return {
    headersAt: at(attempt.respondedAfterMs),
    events: attempt.events.map(({ t, event, data }) => ({ due: at(t), event, data })),
  };
}

/** The number of prompts in a request: its user messages that are not only tool results. */
export function promptCount(request: OfflineRequest): number {
  return request.messages.filter(
    (m) =>
      m.role === 'user' &&
      (typeof m.content === 'string' || m.content.some((block) => block.type !== 'tool_result')),
  ).length;
}

/** A session replayed in turn: the conversation's n-th prompt is answered by the n-th recorded cell. */
export function cellForPrompt(cells: readonly Recording[], request: OfflineRequest): Recording | undefined {
  return cells[promptCount(request) - 1];
}

/** The recorded attempt that answers the SDK's `attempt`-th try (its x-stainless-retry-count). */
export function recordedAttempt(recording: Recording, attempt: number): RecordedAttempt {
  return recording.attempts[Math.min(attempt, recording.attempts.length - 1)] as RecordedAttempt;
}

// Framing and length are this server's to set; the recorded ones describe another body.
const NOT_REPLAYED = new Set([
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'keep-alive',
]);

/**
 * Answers one request with a recorded attempt: its status and headers, then its events at
 * their recorded times, written exactly as recorded (an event recorded without a name is
 * written without an `event:` line), and the response ends as the recording did.
 */
export async function serveReplay(
  req: IncomingMessage,
  res: ServerResponse,
  attempt: RecordedAttempt,
  options: {
    speed: number;
    startedAt: number;
    steps?: StepGate;
    onWritten?: (event: string | null) => void;
  },
): Promise<void> {
  const streams = attempt.status !== null && attempt.errorBody === null;
  // Step mode ignores the recorded times: each event waits for its press instead.
  const stepping = streams && options.steps?.armed === true;
  const timeline = replayTimeline(attempt, stepping ? 0 : options.speed);
  const gone = new AbortController();
  res.once('close', () => gone.abort());
  const wait = timeline.headersAt === null ? 0 : options.startedAt + timeline.headersAt - performance.now();
  if (wait > 0) await sleep(wait, undefined, { signal: gone.signal }).catch(() => {});
  if (gone.signal.aborted) return;
  if (attempt.status === null) {
    req.socket.destroy();
    return;
  }
  res.writeHead(attempt.status, replayedHeaders(attempt, options.speed));
  res.flushHeaders();
  if (attempt.errorBody !== null) {
    res.end(attempt.errorBody);
    return;
  }
  const dues = timeline.events.map((event) => event.due);
  let next = 0;
  const schedule: Schedule = { dueAt: () => dues[next++] ?? null };
  await writeEvents(res, timeline.events, {
    schedule,
    startedAt: options.startedAt,
    ending: attempt.ending,
    onWritten: options.onWritten,
    // Taken only now, with nothing left to wait for, so the writer is sure to hand it back.
    stepped: stepping ? (options.steps?.take() ?? null) : null,
  });
}

/**
 * The recorded headers that can be sent again (a corrupt file's bad names and values are left
 * out). A retry wait is scaled as the events are, so a replay at speed 0 does not sit it out.
 */
function replayedHeaders(attempt: RecordedAttempt, speed: number): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of attempt.headers) {
    const lower = name.toLowerCase();
    if (NOT_REPLAYED.has(lower) || !/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(lower)) continue;
    if (!/^[\t\x20-\x7e\x80-\xff]*$/.test(value)) continue;
    headers[lower] = value;
  }
  const waitMs =
    Number.parseFloat(headers['retry-after-ms'] ?? '') ||
    Number.parseFloat(headers['retry-after'] ?? '') * 1000;
  if (speed !== 1 && Number.isFinite(waitMs)) {
    // 0 would make the SDK fall back to its own backoff; a tenth of a millisecond is "now".
    headers['retry-after-ms'] = String(speed === 0 ? 0.1 : waitMs / speed);
  }
  if (attempt.errorBody === null && headers['content-type'] === undefined)
    headers['content-type'] = 'text/event-stream';
  return headers;
}
