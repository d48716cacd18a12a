import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TurnUpdate, WireEvent } from '../../src/engine/types.js';
import { recordedEvent } from '../../src/engine/wire-tap.js';
import { sameRowCursor, TimelineRowCache } from '../../src/ui/render/timeline-rows.js';
import { cellFrom } from '../support/cells.js';

const NAMES = ['message_start', 'content_block_start', 'ping', 'content_block_delta', 'content_block_stop'];

function wire(names: readonly string[]): TurnUpdate[] {
  return names.map((name, seq) => ({
    type: 'wire',
    event: recordedEvent(seq, 0, seq, 10, name, eventData(name, seq)),
  }));
}

function eventData(name: string, seq: number): string {
  if (name !== 'content_block_delta') return JSON.stringify({ type: name });
  const index = seq % 7 === 0 ? 1 : 0;
  return JSON.stringify({ type: name, index, delta: { type: 'text_delta', text: `t${seq}` } });
}

/** Counts how often each event's data is read, as a row is made from it. */
function counted(event: WireEvent, reads: { n: number }): WireEvent {
  return {
    ...event,
    get json() {
      reads.n++;
      return event.json;
    },
    get malformed() {
      return event.malformed;
    },
  };
}

describe('timeline rows', () => {
  it('are made when shown, not as events come: a frame at the tail of 20,000 reads 40 events', () => {
    const reads = { n: 0 };
    const updates = wire(
      Array.from({ length: 20_000 }, (_, i) => (i === 0 ? 'message_start' : 'content_block_delta')),
    );
    const cell = cellFrom(
      updates.map((u) => (u.type === 'wire' ? { ...u, event: counted(u.event, reads) } : u)),
    );
    const rows = new TimelineRowCache().rows(cell, { hidePings: false, foldDeltas: false });
    expect(rows.length).toBe(20_000);
    const shown = rows.slice(rows.length - 40, rows.length);
    expect(shown.map((r) => r.seq)).toEqual(Array.from({ length: 40 }, (_, i) => 19_960 + i));
    expect(reads.n).toBe(40);
    // The same rows again are the same objects, read no more.
    expect(rows.slice(rows.length - 40)).toEqual(shown);
    expect(rows.slice(rows.length - 40)[0]).toBe(shown[0]);
    expect(reads.n).toBe(40);
  });

  it('are kept while in view, and let go once long out of it, however many events pass', () => {
    const reads = { n: 0 };
    const updates = wire(Array.from({ length: 6000 }, () => 'content_block_delta'));
    const cell = cellFrom(
      updates.map((u) => (u.type === 'wire' ? { ...u, event: counted(u.event, reads) } : u)),
    );
    const cache = new TimelineRowCache();
    const view = { hidePings: false, foldDeltas: false };
    // A stream watched live: each frame shows the tail, one event further on.
    const first = cache.rows(cell, view).slice(0, 40);
    const again = cache.rows(cell, view).slice(1, 41);
    expect(again[0]).toBe(first[1]);
    expect(reads.n).toBe(41);
    for (let start = 41; start < 6000; start += 40) cache.rows(cell, view).slice(start, start + 40);
    expect(reads.n).toBe(6000);
    // The first rows went thousands of events ago: made again, not kept all along.
    cache.rows(cell, view).slice(0, 40);
    expect(reads.n).toBe(6040);
  });

  it('name an event with a tab in its name as a one-line field: the tab is ␉', () => {
    const rows = new TimelineRowCache().rows(cellFrom(wire(['a\tb'])), {
      hidePings: false,
      foldDeltas: false,
    });
    expect(rows.at(0)?.name).toBe('a␉b');
  });

  it('keep the cursor on the same event when a filter changes, as a walk over every row would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...NAMES), { minLength: 0, maxLength: 60 }),
        fc.nat(80),
        fc.boolean(),
        fc.boolean(),
        fc.nat(2),
        (names, cursor, fromHidden, fold, attempts) => {
          // HTTP rows lead: none, a request, or a request and its response.
          const http: TurnUpdate[] =
            attempts === 0 ? [] : [{ type: 'attempt', attempt: { attempt: 0, sentAt: 0 } }];
          if (attempts === 2)
            http.push({ type: 'response', attempt: { attempt: 0, sentAt: 0, respondedAt: 1, status: 200 } });
          const cell = cellFrom([...http, ...wire(names)]);
          const cache = new TimelineRowCache();
          const all = { hidePings: false, foldDeltas: false };
          const filtered = { hidePings: !fold || fromHidden, foldDeltas: fold };
          const [from, to] = fromHidden ? [filtered, all] : [all, filtered];
          const before = cache.rows(cell, from);
          const after = cache.rows(cell, to);
          const at = Math.min(cursor, Math.max(0, before.length - 1));
          expect(sameRowCursor(before, after, at)).toBe(walked(before.slice(), after.slice(), at));
        },
      ),
    );
  });
});

/** The cursor rule read straight: the last event row at or before the event under the cursor. */
function walked(
  before: ReadonlyArray<{ seq: number | null }>,
  after: ReadonlyArray<{ seq: number | null }>,
  cursor: number,
): number | null {
  const row = before[Math.min(cursor, before.length - 1)];
  if (!row || row.seq === null) return Math.min(cursor, Math.max(0, after.length - 1));
  let at = after.findIndex((r) => r.seq !== null);
  for (let i = at + 1; i < after.length && (after[i]?.seq ?? Number.POSITIVE_INFINITY) <= row.seq; i++)
    at = i;
  return at === -1 ? Math.max(0, after.length - 1) : at;
}
