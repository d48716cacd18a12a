import { KEY_PIECE, KeyPattern } from './key-pattern.js';

/** Hides the key in text about to be shown; the identity without a key. */
export type Hide = (text: string) => string;

/**
 * The last check on a line before the screen shows it. The turn's redactor hides the key in
 * what the API sent, but a renderer can make it again: Markdown decodes `&#NN;` entities into
 * characters. So a line the key shows in once rendered is shown with the key hidden. (A key
 * split by zero-width characters the pattern reads through, here and in the turn's redactor.)
 */
export function shownKeyHider(key: string | null | undefined): Hide {
  if (!key || key.length < KEY_PIECE) return (text) => text;
  const pattern = new KeyPattern(key);
  return (text) => pattern.hide(text);
}
