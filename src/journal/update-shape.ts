/**
 * Whether a saved update has the shape the store and the views rely on. A session file is
 * bytes from disk: a hand edit or another program's file must cost its own line, not crash
 * --continue or, later, the screen. Wire events and text pieces have records of their own
 * and are refused here.
 */
export function isSavedUpdate(u: Record<string, unknown>): boolean {
  switch (u.type) {
    case 'request':
      return true;
    case 'attempt':
    case 'response':
      return isObject(u.attempt) && Number.isSafeInteger(u.attempt.attempt) && isNumber(u.attempt.sentAt);
    case 'retry_wait':
      return (
        isObject(u.wait) &&
        ['attempt', 'attempts', 'waitMs', 'until'].every((k) => isNumber(field(u.wait, k)))
      );
    case 'block_start':
      return Number.isSafeInteger(u.index) && isObject(u.block) && typeof u.block.type === 'string';
    case 'citation':
    case 'block_stop':
      return Number.isSafeInteger(u.index);
    case 'end':
      return isObject(u.outcome) && isOutcome(u.outcome);
    default:
      return false;
  }
}

const STATUSES = new Set(['complete', 'interrupted', 'failed']);

function isOutcome(outcome: Record<string, unknown>): boolean {
  const { status, message, error, metrics } = outcome;
  return (
    typeof status === 'string' &&
    STATUSES.has(status) &&
    (message === null || (isObject(message) && Array.isArray(message.content))) &&
    (error === undefined ||
      (isObject(error) && typeof error.kind === 'string' && typeof error.message === 'string')) &&
    isObject(metrics) &&
    isMetrics(metrics)
  );
}

function isMetrics(m: Record<string, unknown>): boolean {
  return (
    ['ttfbMs', 'ttftMs', 'outputTokens', 'tokensPerSecond'].every((k) => m[k] === null || isNumber(m[k])) &&
    isNumber(m.totalMs) &&
    (m.stopReason === null || typeof m.stopReason === 'string') &&
    (m.usage === null || isObject(m.usage)) &&
    typeof m.usageFinal === 'boolean' &&
    isNumber(m.attempts)
  );
}

function field(value: unknown, key: string): unknown {
  return (value as Record<string, unknown>)[key];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
