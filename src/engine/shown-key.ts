import { KEY_PIECE, KeyPattern } from './key-pattern.js';

/** Hides the key in text about to be shown; the identity without a key. */
export type Hide = (text: string) => string;

/**
 * Characters with no width. Written into a key, they split it so that the redactor no longer
 * sees it, while the screen shows it whole. U+200D is left in text elsewhere: emoji need it.
 */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

/**
 * The last check on a line before the screen shows it. The turn's redactor hides the key in
 * what the API sent, but a renderer can make it again: Markdown decodes `&#NN;` entities into
 * characters, and zero-width characters hide it from the redactor, not from the eye. So a
 * line the key shows in once rendered, or once its zero-width characters are gone, is shown
 * with the key hidden (and without those characters).
 */
export function shownKeyHider(key: string | null | undefined): Hide {
  if (!key || key.length < KEY_PIECE) return (text) => text;
  const pattern = new KeyPattern(key);
  return (text) => {
    const hidden = pattern.hide(text);
    if (hidden !== text) return hidden;
    const visible = text.replace(ZERO_WIDTH, '');
    if (visible === text) return text;
    const hiddenVisible = pattern.hide(visible);
    return hiddenVisible === visible ? text : hiddenVisible;
  };
}
