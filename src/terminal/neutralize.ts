/*
 * What untrusted text may not put on a terminal as it is:
 * - C0 controls but tab and newline, DEL, and the C1 range (0x9b is a one-byte CSI on some
 *   terminals): they start or end escape sequences;
 * - the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder
 *   what follows, so shown text can read differently from what it is ("Trojan Source");
 * - lone surrogates: no terminal can show one, and written out they become U+FFFD silently.
 * LRM, RLM and ALM stay: they only nudge neutral characters, and RTL text needs them.
 * With the `u` flag a surrogate range matches only a surrogate that is not part of a pair.
 */
const UNSAFE_SOURCE =
  '[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069\\ud800-\\udfff]';
const UNSAFE = new RegExp(UNSAFE_SOURCE, 'u');
const UNSAFE_ALL = new RegExp(UNSAFE_SOURCE, 'gu');

/**
 * Makes untrusted text (the model's, the network's) safe to put on a terminal: every character
 * that could start an escape sequence (a clipboard write, a hyperlink, a title change, cursor
 * moves) or reorder the text around it is replaced by a visible stand-in, so it shows as text
 * instead of acting. C0 controls become their Unicode control pictures (ESC shows as ␛), DEL
 * shows as ␡, C1 as `\x9b`, and bidi controls and lone surrogates as `\u202e`.
 */
export function neutralize(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, picture) : text;
}

function picture(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  if (code <= 0x9f) return `\\x${code.toString(16)}`;
  return unicodeEscape(char);
}

function unicodeEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * JSON text made safe for a terminal without changing what it means: JSON.stringify leaves
 * DEL, the C1 controls and the bidi controls raw, and data that is not JSON may hold anything.
 * The same characters as `neutralize` each become a \u escape, which a JSON reader reads back
 * as the same character (newline and tab stay: they end and indent JSON lines).
 */
export function escapeControlsForJson(text: string): string {
  return text.replace(UNSAFE_ALL, unicodeEscape);
}

/**
 * The first `length` UTF-16 units of `text`, or one fewer rather than half a surrogate pair:
 * a pair cut in two shows as U+FFFD. For cutting text to a column; wrapping has its own rules.
 */
export function cutText(text: string, length: number): string {
  const cut = text.slice(0, Math.max(0, length));
  const last = cut.charCodeAt(cut.length - 1);
  return cut.length < text.length && last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}
