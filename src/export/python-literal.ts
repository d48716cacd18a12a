import { escapeControlsForJson } from '../terminal/neutralize.js';

/**
 * A value from JSON (a prompt, a message) as Python source that evaluates to it. A JSON string
 * literal is a valid Python one with the same meaning (JSON's escapes are a subset of
 * Python's, and a lone surrogate's \u escape makes the same lone surrogate in a Python str).
 * The controls JSON leaves raw (DEL, C1, bidi) are escaped too, so the code shows as it runs.
 */
export function pythonLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return pythonString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'None';
  if (Array.isArray(value)) return `[${value.map(pythonLiteral).join(', ')}]`;
  if (typeof value === 'object') {
    const fields = Object.entries(value).filter(([, field]) => field !== undefined);
    return `{${fields.map(([key, field]) => `${pythonString(key)}: ${pythonLiteral(field)}`).join(', ')}}`;
  }
  return 'None';
}

export function pythonString(text: string): string {
  return escapeControlsForJson(JSON.stringify(text));
}
