import type { TurnUpdate, WireEvent } from '../engine/types.js';
import { usualBytes } from './wire-records.js';

/**
 * The session file's lines for what a stream is mostly made of, its deltas' events and text,
 * written as JSON.stringify writes their records (wire-records.ts) but without building and
 * walking a record for each: a 20k-delta turn spent 130 ms of the notebook's CPU on them.
 * Anything off the common shape gets null, and the caller writes the record the general way.
 */

/** A delta event's data as the API sends it: this, the index, the rest by kind, the string, `"}}`. */
const DELTA_START = '{"type":"content_block_delta","index":';

const DELTA_REST: ReadonlyArray<readonly [kind: string, rest: string]> = [
  ['text', ',"delta":{"type":"text_delta","text":"'],
  ['thinking', ',"delta":{"type":"thinking_delta","thinking":"'],
  ['input_json', ',"delta":{"type":"input_json_delta","partial_json":"'],
];

/** A string JSON writes as it is, between quotes. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON escapes the control characters
const PLAIN_TEXT = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/** The `d` record line of a delta event on its usual terms (first attempt, usual name and size). */
export function deltaLine(c: number, event: WireEvent): string | null {
  if (event.event !== 'content_block_delta' || event.attempt !== 0) return null;
  const t = Math.round(event.t * 1000) / 1000;
  if (!Number.isFinite(t)) return null;
  // Read by hand: a pattern over the whole data cost twice as much, on every event.
  const data = event.data;
  if (!data.startsWith(DELTA_START) || !data.endsWith('"}}')) return null;
  let at = DELTA_START.length;
  while (at < data.length && data.charCodeAt(at) >= 48 && data.charCodeAt(at) <= 57) at++;
  const index = data.slice(DELTA_START.length, at);
  if (index.length === 0 || index.length > 9 || (index.length > 1 && index[0] === '0')) return null;
  const rest = DELTA_REST.find(([, r]) => data.startsWith(r, at));
  if (!rest) return null;
  const from = at + rest[1].length;
  // The closing `"}}` must not be the string's opening quote: `…"text":"}}` is no event.
  if (from > data.length - 3) return null;
  const text = data.slice(from, -3);
  if (!PLAIN_TEXT.test(text)) return null;
  if (event.bytes !== usualBytes(event.event, event.data)) return null;
  return `{"r":"d","c":${c},"t":${t},"i":${index},"k":"${rest[0]}","x":"${text}"}`;
}

type TextUpdate = Extract<TurnUpdate, { type: 'text' | 'thinking' | 'input_json' }>;

/** The `t` record line of a text update whose text JSON writes as it is. */
export function textLine(c: number, update: TextUpdate): string | null {
  const x = update.type === 'input_json' ? update.partialJson : update.text;
  const t = Math.round(update.t * 1000) / 1000;
  // A server's text may be no string at all (raw mode hands deltas on as they came).
  if (typeof x !== 'string' || !Number.isFinite(t) || !PLAIN_TEXT.test(x)) return null;
  const kind = update.type === 'text' ? '' : `"k":"${update.type}",`;
  return `{"r":"t","c":${c},"t":${t},"i":${update.index},${kind}"x":"${x}"}`;
}
