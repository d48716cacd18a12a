import { escapeControlsForJson } from '../terminal/neutralize.js';

/** How one language writes the parts of a literal that differ. */
export interface LiteralStyle {
  /** One level of indentation. */
  step: string;
  /** An object's key, as it goes before the colon. */
  key(name: string): string;
  /** A number, boolean or null. */
  scalar(value: number | boolean | null): string;
}

/**
 * A JSON value as a source literal, laid out over lines, `indent` deep: one item a line with
 * a trailing comma (both languages take it), empty arrays and objects on one line.
 */
export function literal(value: unknown, indent: string, style: LiteralStyle): string {
  const inner = indent + style.step;
  const block = (open: string, lines: string[], close: string) =>
    lines.length === 0
      ? open + close
      : `${open}\n${lines.map((line) => `${inner}${line},`).join('\n')}\n${indent}${close}`;
  if (Array.isArray(value))
    return block(
      '[',
      value.map((item) => literal(item, inner, style)),
      ']',
    );
  if (typeof value === 'object' && value !== null) {
    const lines = Object.entries(value).map(
      ([key, item]) => `${style.key(key)}: ${literal(item, inner, style)}`,
    );
    return block('{', lines, '}');
  }
  if (typeof value === 'string') return stringLiteral(value);
  return style.scalar(value === undefined ? null : (value as number | boolean | null));
}

/**
 * A string as a literal both TypeScript and Python read back as the same string: JSON's
 * escapes are valid in both.
 */
export function stringLiteral(text: string): string {
  return escapedForSource(JSON.stringify(text));
}

/**
 * JSON text with every character a terminal would act on as a \u escape (see
 * escapeControlsForJson), and the line and paragraph separators too, which some editors and
 * readers take for line breaks: the snippet is then safe to show and to paste, and means the same.
 */
export function escapedForSource(json: string): string {
  return escapeControlsForJson(json).replace(/[\u2028\u2029]/g, (c) =>
    c === '\u2028' ? '\\u2028' : '\\u2029',
  );
}
