import type { ServerSentEvent } from '@anthropic-ai/sdk/core/streaming';
import { hideDeep, KEY_PIECE, KeyPattern } from './key-pattern.js';
import { WireRedactor } from './redact-wire.js';
import type { TurnUpdate } from './types.js';

export { KEY_PIECE, KeyPattern, REDACTED } from './key-pattern.js';

type Delta = Extract<TurnUpdate, { type: 'text' | 'thinking' | 'input_json' }>;

/**
 * The one place the API key is taken out of what a turn shows: every update leaves the
 * engine through here, so the screen, the timeline, /save, /copy and print mode all get the
 * same redacted data. Without a key (offline) it passes everything through untouched.
 *
 * A key split across two deltas is caught by holding back the end of each block's open text
 * that could begin a piece of the key, until the next delta or the block's end decides it.
 * Wire events are whole and cannot be held back; WireRedactor hides what it can of each.
 */
export class TurnRedactor {
  readonly #pattern: KeyPattern | null;
  readonly #wire: WireRedactor | null;
  /** Per block index, the held-back end of its open text. */
  readonly #open = new Map<number, Delta>();

  /**
   * `shortKeys`: a key shorter than KEY_PIECE is hidden too, wherever it shows whole (the tap
   * records whatever key a client sends; the CLI refuses such keys and never sets it).
   */
  constructor(key: string | null | undefined, options: { shortKeys?: boolean } = {}) {
    const piece = options.shortKeys && key ? Math.min(KEY_PIECE, key.length) : KEY_PIECE;
    const hidden = key && key.length >= piece ? key : null;
    this.#pattern = hidden ? new KeyPattern(hidden, piece) : null;
    this.#wire = hidden ? new WireRedactor(hidden, piece) : null;
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

  /** A server-sent event with the key taken out (see WireRedactor); for the wire tap. */
  event = (sse: ServerSentEvent): ServerSentEvent => (this.#wire ? this.#wire.event(sse) : sse);

  /** Hides every piece of the key in text, for what the wire tap captures of a request; null without a key. */
  get text(): ((text: string) => string) | null {
    const pattern = this.#pattern;
    return pattern ? (text) => pattern.hide(text) : null;
  }

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
