import type { TurnMetrics } from '../engine/types.js';

// Exports name sizes too, and sit below the UI.
export { formatBytes } from '../export/byte-size.js';

/** "412 ms" under a second, "2.31 s" above. */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '–';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** Milliseconds on the timeline: "+12", "+1 204". */
export function formatOffset(ms: number): string {
  return `+${Math.round(ms).toLocaleString('en-US').replace(/,/g, ' ')}`;
}

export function formatRate(tokensPerSecond: number | null | undefined): string {
  return tokensPerSecond === null || tokensPerSecond === undefined
    ? '– tok/s'
    : `${tokensPerSecond.toFixed(1)} tok/s`;
}

export function formatCount(n: number): string {
  return n >= 10_000 ? `${(n / 1000).toFixed(1)}k` : String(n);
}

/**
 * A cell's output tokens: the final count; "unknown" when the reply began but ended before the
 * count came; a dash when there was no reply at all.
 */
export function formatOutputTokens(
  metrics: Pick<TurnMetrics, 'outputTokens' | 'usage' | 'usageFinal'>,
): string {
  if (metrics.usage !== null && !metrics.usageFinal) return 'tokens unknown';
  return metrics.outputTokens === null ? '– tokens' : `${metrics.outputTokens} tokens`;
}

/** A running total: "≥" when a turn that ended early added only what it had. */
export function formatTotal(n: number, exact: boolean): string {
  return `${exact ? '' : '≥'}${formatCount(n)}`;
}
