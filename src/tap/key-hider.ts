import { hideDeep, KEY_PIECE, KeyPattern } from '../engine/key-pattern.js';

/**
 * Hides the client's keys in what the tap files of a request (its prompt, system prompt,
 * settings) and in its log lines: the recorder's turn redactor covers only what passes through
 * it, and these are read from the request before it.
 */
export class KeyHider {
  readonly #patterns: KeyPattern[];

  constructor(keys: readonly string[]) {
    this.#patterns = keys.filter((key) => key.length >= KEY_PIECE).map((key) => new KeyPattern(key));
  }

  text = (text: string): string => this.#patterns.reduce((out, pattern) => pattern.hide(out), text);

  /** Every string in a plain value, keys included, hidden. */
  deep<T>(value: T): T {
    return this.#patterns.reduce((out, pattern) => hideDeep(out, pattern), value);
  }
}
