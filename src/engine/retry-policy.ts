import { durationText, EndingError } from './ending-error.js';
import type { RetryWait } from './types.js';

/** The longest wait for a retry that is taken in silence; a longer one fails the turn. */
export const LONGEST_RETRY_WAIT_MS = 60_000;

/** The API asked for a wait longer than anyone sits through: the turn fails, naming it. */
export class RetryWaitTooLongError extends EndingError {
  constructor(status: number, waitMs: number, requestId: string | null) {
    const what = status === 429 ? 'rate limited' : status === 529 ? 'overloaded' : `HTTP ${status}`;
    super({
      kind: 'timeout',
      status,
      message: `${what}: the API asks to wait ${durationText(waitMs)}`,
      ...(requestId ? { requestId } : {}),
    });
    this.name = 'RetryWaitTooLongError';
  }
}

/** What to do with a failed attempt: hand it to the SDK as is, wait this long, or refuse. */
export type RetryPlan =
  | { kind: 'no_retry' }
  | { kind: 'wait'; wait: RetryWait; response: Response }
  | { kind: 'refuse'; error: RetryWaitTooLongError };

/**
 * Decides for a non-2xx attempt the way the SDK will (its status rules and retry count), so
 * the wait can be shown before it starts. The SDK sleeps for `retry-after-ms` when the
 * response carries it, so the returned response carries the wait announced here, jitter and all.
 */
export function planRetry(response: Response, attempt: number, maxRetries: number): RetryPlan {
  if (attempt >= maxRetries || !sdkRetries(response)) return { kind: 'no_retry' };
  const asked = retryAfterMs(response.headers);
  if (asked !== undefined && asked > LONGEST_RETRY_WAIT_MS) {
    const error = new RetryWaitTooLongError(response.status, asked, response.headers.get('request-id'));
    return { kind: 'refuse', error };
  }
  const waitMs = asked !== undefined && asked > 0 ? asked : backoffMs(attempt);
  const headers = new Headers(response.headers);
  headers.set('retry-after-ms', String(waitMs));
  return {
    kind: 'wait',
    wait: { attempt: attempt + 2, attempts: maxRetries + 1, waitMs, until: Date.now() + waitMs },
    response: new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers,
    }),
  };
}

/** The SDK's rule (its shouldRetry): x-should-retry if sent, else 408, 409, 429 and 5xx. */
function sdkRetries(response: Response): boolean {
  const header = response.headers.get('x-should-retry');
  if (header === 'true') return true;
  if (header === 'false') return false;
  return [408, 409, 429].includes(response.status) || response.status >= 500;
}

/** A retry wait in words, as the status line counts it down and print mode reports it. */
export function describeRetryWait(wait: RetryWait, secondsLeft: number): string {
  return `retrying in ${secondsLeft} s (attempt ${wait.attempt} of ${wait.attempts})`;
}

/** The SDK's backoff when the server names no wait: 0.5 s doubling to 8 s, less up to 25 % jitter. */
function backoffMs(attempt: number): number {
  return Math.min(0.5 * 2 ** attempt, 8) * (1 - Math.random() * 0.25) * 1000;
}

/** The retry-after-ms or retry-after header (seconds or an HTTP date) as ms, when sent. */
export function retryAfterMs(headers: Headers): number | undefined {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms)) return ms;
  const raw = headers.get('retry-after');
  if (!raw) return undefined;
  const seconds = Number.parseFloat(raw);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}
