import type { ServerSentEvent } from '@anthropic-ai/sdk/core/streaming';
import { hideDeep, KeyPattern, REDACTED } from './key-pattern.js';

/**
 * Takes the key out of server-sent events as the wire tap records them: the timeline,
 * the event detail and print mode's stream-json show these. An event is whole and cannot be
 * held back, so a key split across deltas is caught by remembering the end of each block's
 * text: where a piece of the key runs on from earlier events into this one, this event's part
 * of it is hidden. What an earlier event showed of it is under KEY_PIECE characters.
 */
export class WireRedactor {
  readonly #pattern: KeyPattern;
  readonly #keyLength: number;
  /**
   * Per block index, the end of its delta text so far (as sent), where a piece of the key may
   * begin: the key's length less one, counted without zero-width characters, which a reply can
   * put between the key's characters as many as it likes.
   */
  readonly #tails = new Map<number, string>();

  constructor(key: string, piece?: number) {
    this.#pattern = new KeyPattern(key, piece);
    this.#keyLength = key.length;
  }

  /** The event with the key out of its name and data; its raw lines stay, for the byte count. */
  event(sse: ServerSentEvent): ServerSentEvent {
    const pattern = this.#pattern;
    let data = pattern.hide(sse.data);
    // JSON may spell the key with \u escapes that a reader decodes back into the key.
    if (data.includes('\\u')) data = hideEscaped(data, pattern);
    if (sse.data.includes('content_block') || sse.data.includes('message_start'))
      data = this.#acrossEvents(sse.data, data);
    const event = sse.event === null ? null : pattern.hide(sse.event);
    return data === sse.data && event === sse.event ? sse : { event, data, raw: sse.raw };
  }

  /** `data` with the part of a piece of the key that began in an earlier delta of the block hidden. */
  #acrossEvents(sent: string, data: string): string {
    const json = parseObject(sent);
    if (json?.type === 'message_start') this.#tails.clear();
    if (typeof json?.index !== 'number') return data;
    if (json.type === 'content_block_stop') this.#tails.delete(json.index);
    const field = json.type === 'content_block_delta' ? deltaField(json.delta) : undefined;
    if (!field) return data;
    const body = (json.delta as Record<string, string>)[field] as string;
    const tail = this.#tails.get(json.index) ?? '';
    const text = tail + body;
    this.#tails.set(json.index, this.#pattern.lastVisible(text, this.#keyLength - 1));
    const crossing = [...this.#pattern.runs(text)].find(
      ([start, end]) => start < tail.length && end > tail.length,
    );
    if (!crossing) return data;
    // The event alone may have hidden its part already; else its text begins with the part.
    const shown = parseObject(data) ?? {};
    const delta = shown.delta as Record<string, string> | undefined;
    const part = body.slice(0, crossing[1] - tail.length);
    if (!delta?.[field]?.startsWith(part)) return data;
    delta[field] = REDACTED + delta[field].slice(part.length);
    return JSON.stringify(shown);
  }
}

/** Which field of a delta holds its text, for the deltas that carry text. */
function deltaField(delta: unknown): string | undefined {
  if (typeof delta !== 'object' || delta === null) return undefined;
  return ['text', 'thinking', 'partial_json'].find(
    (field) => typeof (delta as Record<string, unknown>)[field] === 'string',
  );
}

function parseObject(data: string): Record<string, unknown> | undefined {
  try {
    const json: unknown = JSON.parse(data);
    return typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
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
