/** What stands where the key was. */
export const REDACTED = '[redacted]';

/**
 * The shortest piece of the key that is hidden wherever it shows. A whole key is always
 * longer; a shorter run (a common prefix like `sk-ant-api03-`, or a few letters) would hide
 * ordinary text, which redaction must never change. The CLI refuses keys shorter than this.
 */
export const KEY_PIECE = 20;

/**
 * Characters with no width. Written between the key's characters they split it for a scan
 * that reads the raw text, while the screen, `cat` and a Markdown viewer show the key whole.
 * So a piece of the key reads through them: they neither count toward it nor break it, and
 * the hidden span takes those inside it (nothing of the key, disguise included, is left).
 * Elsewhere they stay as written: U+200D joins emoji.
 */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/;

/** A piece of the key in text: where it starts and ends, and how many of the key's characters it holds. */
export type KeyRun = [start: number, end: number, length: number];

/** Finds the key, and any piece of it of KEY_PIECE characters or more, in text. */
export class KeyPattern {
  readonly #key: string;
  /** The shortest run hidden: KEY_PIECE, or the whole key where a key shorter than that is hidden only whole. */
  readonly #piece: number;
  /** Every KEY_PIECE-long window of the key, and where in the key each starts. */
  readonly #windows = new Map<string, number[]>();
  /** The key's characters: text outside them cannot be part of a match, so scanning skips it. */
  readonly #chars = new Set<number>();

  constructor(key: string, piece = KEY_PIECE) {
    this.#key = key;
    this.#piece = Math.max(1, piece);
    for (let i = 0; i < key.length; i++) this.#chars.add(key.charCodeAt(i));
    for (let i = 0; i + this.#piece <= key.length; i++) {
      const window = key.slice(i, i + this.#piece);
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

  /**
   * Where the key's pieces are in the text, left to right, each as long as it goes, and how many
   * of the key's characters each holds. Zero-width characters inside a piece are part of it.
   */
  *runs(text: string): Generator<KeyRun> {
    const { visible, at } = this.#visible(text);
    let run = 0;
    for (let i = 0; i < visible.length; i++) {
      if (!this.#chars.has(visible.charCodeAt(i))) {
        run = 0;
        continue;
      }
      if (++run < this.#piece) continue;
      const start = i + 1 - this.#piece;
      const starts = this.#windows.get(visible.slice(start, i + 1));
      if (!starts) continue;
      const end = this.#extend(visible, start, starts);
      yield at ? [at[start] as number, (at[end - 1] as number) + 1, end - start] : [start, end, end - start];
      i = end - 1;
      run = 0;
    }
  }

  /** Whether a run is the whole key, which no later text can make longer. */
  isWhole(run: KeyRun): boolean {
    return run[2] >= this.#key.length;
  }

  /**
   * How many characters at the end of the text could be the start of a piece of the key that
   * the next delta completes: the longest end of the text that occurs in the key. Ordinary
   * prose ends in punctuation or a short run of letters, so this is rarely more than a few.
   */
  openTail(text: string): number {
    let piece = '';
    let n = 0;
    for (let i = text.length - 1; i >= 0 && piece.length < this.#key.length; i--) {
      const char = text[i] as string;
      if (this.#transparent(char)) continue;
      if (!this.#key.includes(char + piece)) break;
      piece = char + piece;
      // Zero-width characters after the piece go with it: they may sit inside the key.
      n = text.length - i;
    }
    // A whole key cannot grow: it is hidden now.
    return piece.length === this.#key.length ? 0 : n;
  }

  /** The shortest end of the text that holds `count` of its characters other than zero-width ones. */
  lastVisible(text: string, count: number): string {
    let i = text.length;
    for (let seen = 0; i > 0 && seen < count; i--) if (!this.#transparent(text[i - 1] as string)) seen++;
    return text.slice(i);
  }

  /** The text without zero-width characters, and where each character left was (null: none removed). */
  #visible(text: string): { visible: string; at: number[] | null } {
    if (!ZERO_WIDTH.test(text)) return { visible: text, at: null };
    let visible = '';
    const at: number[] = [];
    for (let i = 0; i < text.length; i++) {
      if (this.#transparent(text[i] as string)) continue;
      visible += text[i];
      at.push(i);
    }
    return { visible, at };
  }

  /** A zero-width character the key itself does not use. */
  #transparent(char: string): boolean {
    return ZERO_WIDTH.test(char) && !this.#chars.has(char.charCodeAt(0));
  }

  #extend(text: string, start: number, keyStarts: number[]): number {
    let best = start + this.#piece;
    for (const at of keyStarts) {
      let end = start + this.#piece;
      while (end < text.length && text[end] === this.#key[at + end - start]) end++;
      best = Math.max(best, end);
    }
    return best;
  }
}

/**
 * Every string in a plain value, keys included, redacted; unchanged parts keep their identity.
 * The walk keeps its own stack: a hostile reply can nest thousands of levels deep, past what
 * recursion on the call stack survives.
 */
export function hideDeep<T>(value: T, pattern: KeyPattern): T {
  if (!isContainer(value)) return hideLeaf(value, pattern);
  const stack: Frame[] = [openFrame(value)];
  let result: unknown = value;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const next = frame.entries[frame.values.length];
    if (next && isContainer(next[1])) {
      stack.push(openFrame(next[1]));
      continue;
    }
    if (next) {
      addValue(frame, hideLeaf(next[1], pattern));
      continue;
    }
    stack.pop();
    const done = closeFrame(frame, pattern);
    const parent = stack[stack.length - 1];
    if (parent) addValue(parent, done);
    else result = done;
  }
  return result as T;
}

/** One array or object part-way through the walk: its entries, and the values hidden so far. */
interface Frame {
  source: unknown[] | Record<string, unknown>;
  entries: [key: string, value: unknown][];
  values: unknown[];
  changed: boolean;
}

function isContainer(value: unknown): value is unknown[] | Record<string, unknown> {
  return Array.isArray(value) || isPlainObject(value);
}

function hideLeaf<T>(value: T, pattern: KeyPattern): T {
  return (typeof value === 'string' ? pattern.hide(value) : value) as T;
}

function openFrame(source: unknown[] | Record<string, unknown>): Frame {
  // An index loop, not map(): the array may come from a reply that swapped its prototype.
  const entries: [string, unknown][] = [];
  if (Array.isArray(source)) for (let i = 0; i < source.length; i++) entries.push([String(i), source[i]]);
  else for (const key of Object.keys(source)) entries.push([key, source[key]]);
  return { source, entries, values: [], changed: false };
}

function addValue(frame: Frame, hidden: unknown): void {
  frame.changed ||= hidden !== frame.entries[frame.values.length]?.[1];
  frame.values.push(hidden);
}

function closeFrame(frame: Frame, pattern: KeyPattern): unknown {
  if (Array.isArray(frame.source)) return frame.changed ? frame.values : frame.source;
  const out: Record<string, unknown> = {};
  let changed = frame.changed;
  frame.entries.forEach(([key], i) => {
    const hiddenKey = pattern.hide(key);
    changed ||= hiddenKey !== key;
    // defineProperty, not `out[key] =`: a key of "__proto__" stays a key.
    Object.defineProperty(out, hiddenKey, {
      value: frame.values[i],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  });
  return changed ? out : frame.source;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
