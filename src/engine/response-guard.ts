import type { Middleware } from '@anthropic-ai/sdk';
import { isEventStream, NotEventStreamError } from './event-stream-check.js';
import { IdleWatchdog } from './idle-watchdog.js';
import { planRetry } from './retry-policy.js';
import type { RetryWait } from './types.js';
import { unreadableBody } from './unreadable-body.js';

export interface GuardOptions {
  /** The turn's signal: the user's interrupt, or the turn ending. Every read settles on it. */
  signal: AbortSignal;
  /** No byte for this long ends the attempt; 0 turns the limit off. */
  idleTimeoutMs: number;
  /** The client's retry count, to tell whether the SDK will retry a failed attempt. */
  maxRetries: number;
  onRetryWait(wait: RetryWait): void;
}

/**
 * A per-request SDK middleware that makes every way a reply can go wrong end the turn: a 2xx
 * that is no event stream, a wait for data past the idle timeout (before the headers or
 * mid-body), a body that cannot be read, and a retry-after too long to sit through. The body
 * it returns settles every read on an abort, even when the network's own read never would
 * (Node 20's fetch leaves a read of a gzip body that goes bad midway pending for ever).
 */
export function createResponseGuard(options: GuardOptions): Middleware {
  return async (request, next) => {
    const attempt = Number(new Headers(request.headers).get('x-stainless-retry-count') ?? 0);
    const stalled = new AbortController();
    const watchdog = new IdleWatchdog(options.idleTimeoutMs, (error) => stalled.abort(error));
    const signals = [options.signal, stalled.signal, ...(request.signal ? [request.signal] : [])];
    watchdog.arm();
    let response: Response;
    try {
      response = await next({ ...request, signal: AbortSignal.any(signals) });
    } catch (error) {
      // The fetch was aborted for a stall: say that, not "aborted".
      throw stalled.signal.aborted ? stalled.signal.reason : error;
    } finally {
      watchdog.disarm();
    }
    const signal = AbortSignal.any([options.signal, stalled.signal]);
    if (!response.ok) {
      const plan = planRetry(response, attempt, options.maxRetries);
      if (plan.kind === 'no_retry') {
        // The SDK reads an error's body whole: time it and cap it, or a server that sends a
        // few bytes and stalls holds the turn for ever, and one that never stops fills memory.
        if (!response.body) return response;
        return new Response(guardBody(response.body, watchdog, signal, ERROR_BODY_LIMIT), response);
      }
      if (plan.kind === 'refuse') {
        void response.body?.cancel().catch(() => {});
        throw plan.error;
      }
      options.onRetryWait(plan.wait);
      return plan.response;
    }
    if (!isEventStream(response) || !response.body) {
      void response.body?.cancel().catch(() => {});
      throw new NotEventStreamError(response);
    }
    const body = guardBody(response.body, watchdog, signal);
    return new Response(body, response);
  };
}

/** How much of an error reply's body is read: the API's own error JSON is far smaller. */
export const ERROR_BODY_LIMIT = 64 * 1024;

/**
 * The body, read chunk by chunk with each read raced against the signal, and timed by the
 * watchdog. A read that fails ends the body with the reason, worded for the user when the
 * bytes themselves were bad. Past `limit` bytes the body ends there.
 */
function guardBody(
  source: ReadableStream<Uint8Array>,
  watchdog: IdleWatchdog,
  signal: AbortSignal,
  limit = Number.POSITIVE_INFINITY,
): ReadableStream<Uint8Array> {
  let left = limit;
  const reader = source.getReader();
  const aborted = new Promise<never>((_, reject) => {
    const fail = () => reject(signal.reason);
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
  aborted.catch(() => {});
  const release = () => {
    watchdog.disarm();
    // A read that hangs may keep cancel() pending too; nothing waits for it.
    reader.cancel().catch(() => {});
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      watchdog.arm();
      try {
        const { done, value } = await Promise.race([reader.read(), aborted]);
        watchdog.disarm();
        if (done) return controller.close();
        const kept = value.byteLength > left ? value.subarray(0, left) : value;
        left -= kept.byteLength;
        controller.enqueue(kept);
        if (left <= 0) {
          release();
          controller.close();
        }
      } catch (error) {
        release();
        controller.error(signal.aborted ? signal.reason : unreadableBody(error));
      }
    },
    cancel: release,
  });
}
