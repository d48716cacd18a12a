import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyPattern, REDACTED, TurnRedactor } from '../../src/engine/redact.js';
import type { TurnUpdate } from '../../src/engine/types.js';
import { PLANTED_KEY as KEY, leaks } from '../support/key-echo-server.js';

/**
 * A reply can spell the key with zero-width characters between its letters: a scan of the raw
 * text misses it, while `cat`, a Markdown viewer and the screen show the key whole.
 */
const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];
const visible = (text: string) => text.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '');
const pattern = new KeyPattern(KEY);

/** The key with `marks[i]` written before its i-th character, where there is one. */
function disguise(marks: ReadonlyArray<string | undefined>): string {
  return [...KEY].map((c, i) => (marks[i] ?? '') + c).join('');
}

/** The text cut at the given points (taken modulo its length), in order. */
function cut(whole: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (whole.length + 1)))].sort((a, b) => a - b);
  return [0, ...points].map((from, i) => whole.slice(from, [...points, whole.length][i]));
}

/** What a turn shows of the deltas: through the turn's redactor, put together. */
function shownText(deltas: readonly string[]): string {
  const redactor = new TurnRedactor(KEY);
  let out = '';
  const updates: TurnUpdate[] = [
    ...deltas.map((text) => ({ type: 'text', index: 0, text, t: 0 }) as const),
    { type: 'block_stop', index: 0 },
  ];
  for (const update of updates) redactor.pass(update, (u) => (out += u.type === 'text' ? u.text : ''));
  return out;
}

/** What the wire shows of the deltas as events (the timeline, stream-json, the session file's `d`). */
function shownWire(deltas: readonly string[]): string {
  const redactor = new TurnRedactor(KEY);
  const sse = (data: object) => redactor.event({ event: 'x', data: JSON.stringify(data), raw: [] }).data;
  sse({ type: 'message_start', message: {} });
  return deltas
    .map((text) => sse({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }))
    .map((data) => (JSON.parse(data) as { delta: { text: string } }).delta.text)
    .join('');
}

const disguised = fc
  .array(fc.option(fc.constantFrom(...ZERO_WIDTH), { nil: undefined, freq: 2 }), {
    minLength: KEY.length,
    maxLength: KEY.length,
  })
  .map(disguise);

describe('a key split by zero-width characters', () => {
  it('is hidden whole, the zero-width characters inside it included, and nothing else changes', () => {
    const everyOther = disguise(
      Array.from({ length: KEY.length }, (_, i) => (i % 2 ? ZERO_WIDTH[i % 5] : undefined)),
    );
    expect(pattern.hide(`a\u200B ${everyOther}\u200C b`)).toBe(`a\u200B ${REDACTED}\u200C b`);
    expect(pattern.hide(`x${disguise(Array(KEY.length).fill('\uFEFF'))}`)).toBe(`x\uFEFF${REDACTED}`);
    // Zero-width characters away from the key stay as written: U+200D joins emoji.
    for (const plain of [
      'a\u200Bb',
      'family 👩‍👩‍👧',
      `\u200B${KEY.slice(0, 19)}\u200B`,
      '\uFEFFsk-ant-api03-',
    ]) {
      expect(pattern.hide(plain)).toBe(plain);
    }
    expect(pattern.openTail('Hello, world.\u200B')).toBe(0);
    expect(pattern.openTail(`key: ${disguise(Array(30).fill('\u2060')).slice(0, 60)}\u200B`)).toBe(60);
  });

  it('never survives the turn redactor, at any insertion and any split into deltas (property)', () => {
    fc.assert(
      fc.property(
        fc.string(),
        disguised,
        fc.string(),
        fc.array(fc.nat(), { maxLength: 12 }),
        (before, key, after, cuts) => {
          const whole = before + key + after;
          const shown = shownText(cut(whole, cuts));
          expect(leaks(visible(shown), KEY)).toEqual([]);
          expect(shown).toBe(pattern.hide(whole));
        },
      ),
    );
  });

  it('never survives the wire redactor, at any insertion and any split into events (property)', () => {
    fc.assert(
      fc.property(
        fc.string(),
        disguised,
        fc.string(),
        fc.array(fc.nat(), { maxLength: 40 }),
        (before, key, after, cuts) => {
          expect(leaks(visible(shownWire(cut(before + key + after, cuts))), KEY)).toEqual([]);
        },
      ),
    );
  });

  it('is caught one character per event, however many zero-width characters stand between', () => {
    const wide = disguise(Array(KEY.length).fill('\u200B'.repeat(40)));
    expect(leaks(visible(shownWire([...wide])), KEY)).toEqual([]);
    expect(leaks(visible(shownText([...wide])), KEY)).toEqual([]);
  });
});
