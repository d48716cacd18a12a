import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyPattern, REDACTED, TurnRedactor } from '../../src/engine/redact.js';
import type { TurnUpdate } from '../../src/engine/types.js';
import { PLANTED_KEY as KEY, leaks } from '../support/key-echo-server.js';

const pattern = new KeyPattern(KEY);

/** Sends the updates through a redactor and gathers what came out. */
function through(key: string | null, updates: TurnUpdate[]): TurnUpdate[] {
  const redactor = new TurnRedactor(key);
  const out: TurnUpdate[] = [];
  for (const update of updates) redactor.pass(update, (u) => out.push(u));
  return out;
}

const text = (t: string, index = 0): TurnUpdate => ({ type: 'text', index, text: t, t: 0 });
const shownText = (updates: TurnUpdate[]) => updates.map((u) => (u.type === 'text' ? u.text : '')).join('');

describe('KeyPattern', () => {
  it('hides the whole key, and any piece of 20 characters or more', () => {
    expect(pattern.hide(`a ${KEY} b`)).toBe(`a ${REDACTED} b`);
    expect(pattern.hide(`x${KEY.slice(30, 50)}y`)).toBe(`x${REDACTED}y`);
    expect(pattern.hide(`${KEY}${KEY}`)).toBe(`${REDACTED}${REDACTED}`);
  });

  it('changes nothing else: shorter pieces, the common prefix, and ordinary words stay', () => {
    for (const plain of ['offline', 'sk-ant-api03-', KEY.slice(40, 59), 'the [redacted] word', '']) {
      expect(pattern.hide(plain)).toBe(plain);
    }
  });

  it('holds back only an end of the text that occurs in the key', () => {
    expect(pattern.openTail('Hello, world.')).toBe(0);
    expect(pattern.openTail(`key: ${KEY.slice(0, 30)}`)).toBe(30);
  });
});

describe('TurnRedactor', () => {
  it('passes everything through untouched without a key (offline) or with a key too short to hide', () => {
    const updates = [text('offline'), { type: 'block_stop', index: 0 } as const];
    for (const key of [null, 'offline']) {
      const out = through(key, updates);
      expect(out).toHaveLength(2);
      expect(out[0]).toBe(updates[0]);
    }
  });

  it('catches a key split across two deltas at every position, and shows the rest as sent', () => {
    const whole = `before ${KEY} after`;
    for (let at = 1; at < whole.length; at++) {
      const out = through(KEY, [
        text(whole.slice(0, at)),
        text(whole.slice(at)),
        { type: 'block_stop', index: 0 },
      ]);
      expect(shownText(out)).toBe(`before ${REDACTED} after`);
    }
  });

  it('assembles to the same text as redacting it whole, for any split (property)', () => {
    const slice = fc
      .tuple(fc.nat(KEY.length), fc.nat(KEY.length))
      .map(([a, b]) => KEY.slice(Math.min(a, b), Math.max(a, b)));
    const fragment = fc.oneof(fc.string(), slice, fc.constantFrom(KEY, 'offline', 'sk-ant-'));
    fc.assert(
      fc.property(
        fc.array(fragment, { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (parts, cuts) => {
          const whole = parts.join('');
          const points = [...new Set(cuts.map((c) => c % (whole.length + 1)))].sort((a, b) => a - b);
          const deltas = [0, ...points].map((from, i) => whole.slice(from, [...points, whole.length][i]));
          const out = through(KEY, [...deltas.map((d) => text(d)), { type: 'block_stop', index: 0 }]);
          expect(shownText(out)).toBe(pattern.hide(whole));
          expect(leaks(shownText(out), KEY)).toEqual([]);
        },
      ),
    );
  });

  it('lets the held-back end out at the end of the turn when no block_stop came', () => {
    const outcome = { status: 'interrupted', message: null, metrics: {} } as never;
    const out = through(KEY, [text(`cut at ${KEY.slice(0, 12)}`), { type: 'end', outcome }]);
    expect(shownText(out)).toBe(`cut at ${KEY.slice(0, 12)}`);
    expect(out.at(-1)?.type).toBe('end');
  });

  it('hides the key in every field of every other update, keys of objects included', () => {
    const outcome = {
      status: 'failed',
      message: {
        id: `msg_${KEY}`,
        content: [{ type: 'text', text: KEY }],
        stop_sequence: KEY,
        // A field the API may add one day, keyed by what the server echoed.
        container: { [`key_${KEY}`]: 1 },
      },
      error: { kind: 'http', message: `bad ${KEY}`, requestId: `req_${KEY}` },
    } as never;
    const out = through(KEY, [
      { type: 'response', attempt: { attempt: 0, sentAt: 0, requestId: `req_${KEY}` } },
      { type: 'block_start', index: 0, block: { type: 'tool_use', id: `toolu_${KEY}`, input: { k: KEY } } },
      { type: 'end', outcome },
    ]);
    expect(leaks(JSON.stringify(out), KEY)).toEqual([]);
    expect(JSON.stringify(out)).toContain(`"key_${REDACTED}":1`);
  });

  it('takes the key out of an event name and its data, \\u escapes included', () => {
    const escaped = [...KEY].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    const redactor = new TurnRedactor(KEY);
    const sse = redactor.event({ event: `e_${KEY}`, data: `{"a":"${KEY}","b":"${escaped}"}`, raw: [] });
    expect(sse.event).toBe(`e_${REDACTED}`);
    expect(JSON.parse(sse.data)).toEqual({ a: REDACTED, b: REDACTED });
    const plain = { event: 'ping', data: '{"type":"ping"}', raw: [] };
    expect(redactor.event(plain)).toBe(plain);
  });

  it('hides a key sent a few characters per event, so the events put together show no 20 of them', () => {
    const redactor = new TurnRedactor(KEY);
    const sse = (data: object) => redactor.event({ event: 'x', data: JSON.stringify(data), raw: [] });
    const delta = (text: string) =>
      sse({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } });
    sse({ type: 'message_start', message: {} });
    const shown = ['The key: ', ...(KEY.match(/.{1,4}/g) ?? []), ' (end)'].map(
      (text) => JSON.parse(delta(text).data).delta.text,
    );
    expect(leaks(shown.join(''), KEY)).toEqual([]);
    expect(shown[0]).toBe('The key: ');
    expect(shown.at(-1)).toBe(' (end)');
    // A block that is over leaves nothing behind for the next.
    sse({ type: 'content_block_stop', index: 0 });
    expect(delta(KEY.slice(-10)).data).toContain(KEY.slice(-10));
  });
});
