/** `n` within [min, max]; min wins when the range is empty (a list shorter than its window). */
export function clamp(n: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, n));
}
