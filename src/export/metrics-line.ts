import type { TurnMetrics } from '../engine/types.js';
import type { Cell } from '../store/cell.js';
import { neutralize } from '../terminal/neutralize.js';

/*
 * How a cell's metrics read, on screen and in the exports alike: kept here, below both, so a
 * transcript says what the notebook said.
 */

/** "412 ms" under a second, "2.31 s" above. */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '–';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export function formatRate(tokensPerSecond: number | null | undefined): string {
  return tokensPerSecond === null || tokensPerSecond === undefined
    ? '– tok/s'
    : `${tokensPerSecond.toFixed(1)} tok/s`;
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

/** stop_reason · TTFT · total · output tokens · tokens/s: the seeds' point, for every cell. */
export function metricsLine(cell: Cell): string {
  const m = cell.metrics;
  if (!m) return '';
  const stop = neutralize(m.stopReason ?? cell.status);
  return [
    stop,
    `TTFT ${formatMs(m.ttftMs)}`,
    `total ${formatMs(m.totalMs)}`,
    formatOutputTokens(m),
    formatRate(m.tokensPerSecond),
  ].join(' · ');
}
