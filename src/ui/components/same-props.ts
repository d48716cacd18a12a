/**
 * Props equal for React's `memo`: each the same value, where an array counts as the same if it
 * holds the same values and a pane's size if it has the same width and height. App makes both
 * anew on each render (the layout, the welcome lines), so a keypress that changes only the
 * prompt would otherwise lay out both panes again.
 */
export function sameProps<P extends object>(before: P, after: P): boolean {
  for (const key of Object.keys(after) as (keyof P)[]) {
    if (!sameValue(before[key], after[key])) return false;
  }
  return Object.keys(before).length === Object.keys(after).length;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
  }
  return isSize(a) && isSize(b) && a.width === b.width && a.height === b.height;
}

function isSize(value: unknown): value is { width: number; height: number } {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length === 2 &&
    typeof (value as { width?: unknown }).width === 'number' &&
    typeof (value as { height?: unknown }).height === 'number'
  );
}
