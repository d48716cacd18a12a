/** What stands where the key was. */
export const REDACTED = '[redacted]';

/**
 * The shortest piece of the key that is hidden wherever it shows. A whole key is always
 * longer; a shorter run (a common prefix like `sk-ant-api03-`, or a few letters) would hide
 * ordinary text, which redaction must never change. The CLI refuses keys shorter than this.
 */
export const KEY_PIECE = 20;

/** Finds the key, and any piece of it of KEY_PIECE characters or more, in text. */
export class KeyPattern {
  readonly #key: string;
  /** Every KEY_PIECE-long window of the key, and where in the key each starts. */
  readonly #windows = new Map<string, number[]>();
  /** The key's characters: text outside them cannot be part of a match, so scanning skips it. */
  readonly #chars = new Set<number>();

  constructor(key: string) {
    this.#key = key;
    for (let i = 0; i < key.length; i++) this.#chars.add(key.charCodeAt(i));
    for (let i = 0; i + KEY_PIECE <= key.length; i++) {
      const window = key.slice(i, i + KEY_PIECE);
      this.#windows.set(window, [...(this.#windows.get(window) ?? []), i]);
    }
  }

  /** The text with every run of KEY_PIECE or more characters that occurs in the key replaced. */
  hide(text: string): string {
    let out = '';
    let from = 0;
    for (const [start, end] of this.runs(text)) {
      out += text.slice(from, start) + REDACTED;
      from = end;
    }
    return from === 0 ? text : out + text.slice(from);
  }

  /** Where the key's pieces are in the text, left to right, each as long as it goes. */
  *runs(text: string): Generator<[start: number, end: number]> {
    let run = 0;
    for (let i = 0; i < text.length; i++) {
      if (!this.#chars.has(text.charCodeAt(i))) {
        run = 0;
        continue;
      }
      if (++run < KEY_PIECE) continue;
      const start = i + 1 - KEY_PIECE;
      const starts = this.#windows.get(text.slice(start, i + 1));
      if (!starts) continue;
      const end = this.#extend(text, start, starts);
      yield [start, end];
      i = end - 1;
      run = 0;
    }
  }

  /** Whether a run is the whole key, which no later text can make longer. */
  isWhole([start, end]: [number, number]): boolean {
    return end - start >= this.#key.length;
  }

  /**
   * How many characters at the end of the text could be the start of a piece of the key that
   * the next delta completes: the longest end of the text that occurs in the key. Ordinary
   * prose ends in punctuation or a short run of letters, so this is rarely more than a few.
   */
  openTail(text: string): number {
    let n = 0;
    while (n < text.length && n < this.#key.length && this.#key.includes(text.slice(text.length - n - 1)))
      n++;
    // A whole key cannot grow: it is hidden now.
    return n === this.#key.length ? 0 : n;
  }

  #extend(text: string, start: number, keyStarts: number[]): number {
    let best = start + KEY_PIECE;
    for (const at of keyStarts) {
      let end = start + KEY_PIECE;
      while (end < text.length && text[end] === this.#key[at + end - start]) end++;
      best = Math.max(best, end);
    }
    return best;
  }
}

/** Every string in a plain value, keys included, redacted; unchanged parts keep their identity. */
export function hideDeep<T>(value: T, pattern: KeyPattern): T {
  if (typeof value === 'string') return pattern.hide(value) as T;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item) => {
      const hidden = hideDeep(item, pattern);
      changed ||= hidden !== item;
      return hidden;
    });
    return (changed ? out : value) as T;
  }
  if (!isPlainObject(value)) return value;
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const hiddenKey = pattern.hide(key);
    const hidden = hideDeep(item, pattern);
    changed ||= hidden !== item || hiddenKey !== key;
    out[hiddenKey] = hidden;
  }
  return (changed ? out : value) as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
