/** What stands for a value too deeply nested for JSON.stringify, which recurses per level. */
export const TOO_DEEP = '(too deeply nested to show)';

/** JSON text of a value for the screen; a value JSON.stringify fails on shows as one line saying so. */
export function shownJson(value: unknown, indent?: number): string {
  try {
    return JSON.stringify(value, null, indent);
  } catch {
    return TOO_DEEP;
  }
}
