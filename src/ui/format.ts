// Exports name sizes too, and sit below the UI.
export { formatBytes } from '../export/byte-size.js';
export { formatMs, formatOutputTokens, formatRate } from '../export/metrics-line.js';

/** Milliseconds on the timeline: "+12", "+1 204". */
export function formatOffset(ms: number): string {
  return `+${Math.round(ms).toLocaleString('en-US').replace(/,/g, ' ')}`;
}

export function formatCount(n: number): string {
  return n >= 10_000 ? `${(n / 1000).toFixed(1)}k` : String(n);
}

/** A running total: "≥" when a turn that ended early added only what it had. */
export function formatTotal(n: number, exact: boolean): string {
  return `${exact ? '' : '≥'}${formatCount(n)}`;
}
