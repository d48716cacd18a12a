import type { WireEvent } from '../engine/types.js';
import type { Cell } from './cell.js';

/** Unnamed SSE events are of type "message" by the SSE spec; counted under this name. */
export const UNNAMED_EVENT = '(unnamed)';

/** How many wire events of each type, by the name the event came with (not yet made safe to show). */
export type EventCounts = Readonly<Record<string, number>>;

interface Tally {
  counted: number;
  counts: EventCounts;
}

/**
 * Per cell (keyed by its shared, append-only event list), the counts so far. Kept beside the
 * cell, like its text pieces, so that a delta costs one count and a saved cell stays as it is.
 */
const tallies = new WeakMap<readonly WireEvent[], Tally>();

/**
 * The one count of a cell's wire events by type: the timeline's header and the bench read it.
 * Counted on from where the last call stopped, so a frame costs its new events, not the turn.
 */
export function eventCounts(cell: Pick<Cell, 'events' | 'eventCount'>): EventCounts {
  const tally = tallies.get(cell.events);
  if (tally?.counted === cell.eventCount) return tally.counts;
  // An older version of the cell than the one counted: counted again, and not kept.
  if (tally && tally.counted > cell.eventCount) return countFrom({ counted: 0, counts: {} }, cell).counts;
  const next = countFrom(tally ?? { counted: 0, counts: {} }, cell);
  tallies.set(cell.events, next);
  return next.counts;
}

function countFrom(tally: Tally, cell: Pick<Cell, 'events' | 'eventCount'>): Tally {
  const counts: Record<string, number> = { ...tally.counts };
  for (let i = tally.counted; i < cell.eventCount; i++) {
    const name = (cell.events[i] as WireEvent).event ?? UNNAMED_EVENT;
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return { counted: cell.eventCount, counts };
}
