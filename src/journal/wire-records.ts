import type { TurnUpdate, WireEvent } from '../engine/types.js';
import { recordedEvent } from '../engine/wire-tap.js';
import {
  DELTA_FIELDS,
  type DeltaKind,
  type DeltaRecord,
  type EventRecord,
  type TextRecord,
} from './records.js';

/**
 * The one shape a compact delta may have, read without parsing the whole event: the data must
 * be exactly `{"type":"content_block_delta","index":N,"delta":{"type":T,"F":"…"}}`, as the API
 * and the offline server send it. Anything else is written as it came.
 */
const DELTA =
  /^\{"type":"content_block_delta","index":(\d{1,9}),"delta":\{"type":"(text_delta|thinking_delta|input_json_delta)","(text|thinking|partial_json)":("(?:[^"\\]|\\.)*")\}\}$/s;

const KIND_OF_DELTA: Record<string, DeltaKind> = {
  text_delta: 'text',
  thinking_delta: 'thinking',
  input_json_delta: 'input_json',
};

/** The record of one wire event of cell `c`: a compact delta where the data allows it. */
export function eventRecord(c: number, event: WireEvent): EventRecord | DeltaRecord {
  const t = Math.round(event.t * 1000) / 1000;
  const extra = extras(event);
  const delta = compactDelta(event.data);
  if (delta) return { r: 'd', c, t, i: delta.index, k: delta.kind, x: delta.text, ...extra };
  return { r: 'e', c, t, d: event.data, ...extra };
}

/** The wire event a record holds, the `seq`-th of its turn. */
export function eventOf(record: EventRecord | DeltaRecord, seq: number): WireEvent {
  const data = record.r === 'e' ? record.d : deltaData(record);
  const name = record.e === undefined ? usualName(data) : record.e;
  return recordedEvent(seq, record.a ?? 0, record.t, record.n ?? usualBytes(name, data), name, data);
}

function deltaData(record: DeltaRecord): string {
  const { delta, field } = DELTA_FIELDS[record.k];
  return `{"type":"content_block_delta","index":${record.i},"delta":{"type":"${delta}","${field}":${JSON.stringify(record.x)}}}`;
}

function compactDelta(data: string): { index: number; kind: DeltaKind; text: string } | null {
  if (!data.startsWith('{"type":"content_block_delta"')) return null;
  const match = DELTA.exec(data);
  if (!match) return null;
  const [, index, type, field, literal] = match as unknown as [string, string, string, string, string];
  const kind = KIND_OF_DELTA[type] as DeltaKind;
  if (DELTA_FIELDS[kind].field !== field || String(Number(index)) !== index) return null;
  // The pattern lets any escape through (`\x` too): a literal JSON refuses is kept as sent.
  let text: string;
  try {
    text = JSON.parse(literal) as string;
  } catch {
    return null;
  }
  // Only where writing it again gives the same bytes (the same escapes) is the data implied.
  return JSON.stringify(text) === literal ? { index: Number(index), kind, text } : null;
}

/** The API names each event for its data's type, written first: `{"type":"message_start",…`. */
function usualName(data: string): string | null {
  return /^\{"type":"([a-z_]{1,64})"/.exec(data)?.[1] ?? null;
}

/** What differs from the usual, written only then. */
function extras(event: WireEvent): Pick<EventRecord, 'e' | 'a' | 'n'> {
  const extra: Pick<EventRecord, 'e' | 'a' | 'n'> = {};
  if (event.event !== usualName(event.data)) extra.e = event.event;
  if (event.attempt !== 0) extra.a = event.attempt;
  if (event.bytes !== usualBytes(event.event, event.data)) extra.n = event.bytes;
  return extra;
}

/** The bytes of `event: NAME\n` (if named), `data: DATA\n` and the blank line. */
export function usualBytes(name: string | null, data: string): number {
  return (name === null ? 0 : Buffer.byteLength(name) + 8) + Buffer.byteLength(data) + 7 + 1;
}

type TextUpdate = Extract<TurnUpdate, { type: 'text' | 'thinking' | 'input_json' }>;

export function textRecord(c: number, update: TextUpdate): TextRecord {
  const x = update.type === 'input_json' ? update.partialJson : update.text;
  const t = Math.round(update.t * 1000) / 1000;
  return update.type === 'text'
    ? { r: 't', c, t, i: update.index, x }
    : { r: 't', c, t, i: update.index, k: update.type, x };
}

export function textUpdate(record: TextRecord): TextUpdate {
  if (record.k === 'input_json')
    return { type: 'input_json', index: record.i, partialJson: record.x, t: record.t };
  return { type: record.k ?? 'text', index: record.i, text: record.x, t: record.t };
}
