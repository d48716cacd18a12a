import type { ServerSentEvent } from '@anthropic-ai/sdk/core/streaming';
import type { TurnUpdate } from './types.js';

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

type Delta = Extract<TurnUpdate, { type: 'text' | 'thinking' | 'input_json' }>;

/**
 * The one place the API key is taken out of what a turn shows: every update leaves the
 * engine through here, so the screen, the timeline, /save, /copy and print mode all get the
 * same redacted data. Without a key (offline) it passes everything through untouched.
 *
 * A key split across two deltas is caught by holding back the end of each block's open text
 * that could begin a piece of the key, until the next delta or the block's end decides it.
 * Wire events are whole events and cannot be held back, so each is redacted on its own: a
 * key split across events shows there as two hidden pieces, and a piece under KEY_PIECE
 * characters at the split may show (the assembled text, message and JSON never show one).
 */
export class TurnRedactor {
  readonly #pattern: KeyPattern | null;
  /** Per block index, the held-back end of its open text. */
  readonly #open = new Map<number, Delta>();

  constructor(key: string | null | undefined) {
    this.#pattern = key && key.length >= KEY_PIECE ? new KeyPattern(key) : null;
  }

  /** Sends the update on, redacted; a delta may go out shorter, later or not at all. */
  pass(update: TurnUpdate, send: (update: TurnUpdate) => void): void {
    const pattern = this.#pattern;
    if (!pattern || update.type === 'wire') {
      // Wire events are redacted in the wire tap, through event().
      send(update);
    } else if (update.type === 'text' || update.type === 'thinking' || update.type === 'input_json') {
      this.#delta(pattern, update, send);
    } else {
      if (update.type === 'block_stop') this.#flush(update.index, send);
      if (update.type === 'end') for (const index of [...this.#open.keys()]) this.#flush(index, send);
      send(hideDeep(update, pattern));
    }
  }

  /** A server-sent event with the key taken out of its name and data; its raw lines stay for the byte count. */
  event = (sse: ServerSentEvent): ServerSentEvent => {
    const pattern = this.#pattern;
    if (!pattern) return sse;
    let data = pattern.hide(sse.data);
    // JSON may spell the key with \u escapes that a reader decodes back into the key.
    if (data.includes('\\u')) data = hideEscaped(data, pattern);
    const event = sse.event === null ? null : pattern.hide(sse.event);
    return data === sse.data && event === sse.event ? sse : { event, data, raw: sse.raw };
  };

  #delta(pattern: KeyPattern, update: Delta, send: (update: TurnUpdate) => void): void {
    const held = this.#open.get(update.index);
    if (held && held.type !== update.type) this.#flush(update.index, send);
    const text = (this.#open.get(update.index) ? body(held as Delta) : '') + body(update);
    let keep = text.length - pattern.openTail(text);
    // A piece of the key that reaches the held end may go on in it: hold the piece too. A whole
    // key cannot go on: it is hidden now, and only what follows it is held.
    const last = [...pattern.runs(text)].at(-1);
    if (last && last[1] >= keep) keep = pattern.isWhole(last) ? last[1] : last[0];
    if (keep < text.length) this.#open.set(update.index, withBody(update, text.slice(keep)));
    else this.#open.delete(update.index);
    if (keep > 0) send(withBody(update, pattern.hide(text.slice(0, keep))));
  }

  #flush(index: number, send: (update: TurnUpdate) => void): void {
    const held = this.#open.get(index);
    if (!held || !this.#pattern) return;
    this.#open.delete(index);
    send(withBody(held, this.#pattern.hide(body(held))));
  }
}

function body(delta: Delta): string {
  return delta.type === 'input_json' ? delta.partialJson : delta.text;
}

function withBody(delta: Delta, text: string): Delta {
  return delta.type === 'input_json' ? { ...delta, partialJson: text } : { ...delta, text };
}

function hideEscaped(data: string, pattern: KeyPattern): string {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return data;
  }
  const hidden = hideDeep(json, pattern);
  return hidden === json ? data : JSON.stringify(hidden);
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
