import type { IncomingHttpHeaders } from 'node:http';
import { hideDeep, KEY_PIECE, KeyPattern } from '../engine/key-pattern.js';

/** Headers whose value is a credential, whatever its scheme. */
const CREDENTIAL_HEADERS = ['x-api-key', 'authorization', 'proxy-authorization'] as const;

/**
 * Every credential a client sent: x-api-key's value, and the token of authorization and
 * proxy-authorization whatever the scheme (Bearer, Basic, …), or the whole value if it has no
 * scheme. Each is a key the recording hides, however short: the tap records any client's.
 */
export function credentialsOf(headers: IncomingHttpHeaders): string[] {
  const keys = new Set<string>();
  for (const name of CREDENTIAL_HEADERS) {
    const value = headers[name];
    for (const one of Array.isArray(value) ? value : [value]) {
      const text = one?.trim();
      if (!text) continue;
      const token = name === 'x-api-key' ? text : (/^\S+\s+(.+)$/.exec(text)?.[1]?.trim() ?? text);
      if (token) keys.add(token);
    }
  }
  // Longest first: a key that holds another is hidden whole before the shorter one is.
  return [...keys].sort((a, b) => b.length - a.length);
}

/**
 * The KeyPattern for a key the tap hides: every piece of KEY_PIECE characters, or a shorter
 * key wherever it shows whole (a piece-wise search would hide ordinary text).
 */
export function tapKeyPattern(key: string): KeyPattern {
  return new KeyPattern(key, Math.min(KEY_PIECE, key.length));
}

/**
 * Hides the client's keys in what the tap files of a request (its prompt, system prompt,
 * settings) and in its log lines: the recorder's turn redactor covers only what passes through
 * it, and these are read from the request before it.
 */
export class KeyHider {
  readonly #patterns: KeyPattern[];

  constructor(keys: readonly string[]) {
    this.#patterns = keys.map(tapKeyPattern);
  }

  text = (text: string): string => this.#patterns.reduce((out, pattern) => pattern.hide(out), text);

  /** Every string in a plain value, keys included, hidden. */
  deep<T>(value: T): T {
    return this.#patterns.reduce((out, pattern) => hideDeep(out, pattern), value);
  }
}
