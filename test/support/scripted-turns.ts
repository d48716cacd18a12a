import type { TurnSettings, TurnUpdate } from '../../src/engine/types.js';
import type { Cell } from '../../src/store/cell.js';
import { initialState } from '../../src/store/session-state.js';
import { SessionStore } from '../../src/store/session-store.js';
import { collectUpdates, type Notebook, sessionOn } from '../ui/harness.js';
import { type SseEvent, serveScript } from './sse-fixture-server.js';
import { messageEnd, messageStart } from './stream-events.js';
import { clientFor, SETTINGS } from './turns.js';

/*
 * Turns answered by a real HTTP server with given SSE events, for text the offline corpus never
 * has, and the events' builders.
 */

/** A real HTTP server that answers every POST /v1/messages with these events (for text the corpus never has). */
export function serveEvents(events: readonly SseEvent[]): Promise<{ url: string; close(): Promise<void> }> {
  return serveScript([{ kind: 'sse', events }]);
}

/** A real session whose client talks to `serveEvents(events)`. */
export async function notebookWithEvents(
  events: readonly SseEvent[],
  mode: TurnSettings['mode'] = 'raw',
): Promise<Notebook> {
  const server = await serveEvents(events);
  const store = new SessionStore(
    initialState({ ...SETTINGS, mode }, { offline: false, describe: 'test server' }, null),
  );
  return sessionOn(store, clientFor(server.url, 0), server);
}

/** The finished cell of one turn answered with `events`. */
export async function cellFromEvents(events: readonly SseEvent[], prompt = 'a prompt'): Promise<Cell> {
  const nb = await notebookWithEvents(events);
  try {
    nb.session.submit(prompt);
    await nb.session.settled();
    const cell = nb.session.state.cells[0];
    if (!cell) throw new Error('no cell');
    return cell;
  } finally {
    await nb.close();
  }
}

/** The updates of one turn answered with `events`. */
export async function updatesFromEvents(events: readonly SseEvent[]): Promise<TurnUpdate[]> {
  const server = await serveEvents(events);
  try {
    return await collectUpdates(server.url, {});
  } finally {
    await server.close();
  }
}

/** A message_start … message_stop stream around the given middle events. */
export function stream(middle: readonly SseEvent[], stopReason = 'end_turn'): SseEvent[] {
  return [messageStart(), ...middle, ...messageEnd(stopReason, 9)];
}

/** A text block at `index` whose deltas are `texts`. */
export function textBlock(index: number, ...texts: string[]): SseEvent[] {
  return [
    {
      event: 'content_block_start',
      data: { type: 'content_block_start', index, content_block: { type: 'text', text: '' } },
    },
    ...texts.map((text) => ({
      event: 'content_block_delta',
      data: { type: 'content_block_delta', index, delta: { type: 'text_delta', text } },
    })),
    { event: 'content_block_stop', data: { type: 'content_block_stop', index } },
  ];
}
