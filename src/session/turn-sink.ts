import type { Hide } from '../engine/shown-key.js';
import type { MessageParam, TurnUpdate } from '../engine/types.js';
import type { Journal } from '../journal/session-journal.js';
import type { SessionStore } from '../store/session-store.js';
import { turnBroke, turnEnded, turnUpdated } from '../store/turn-updates.js';
import { oneLine } from '../terminal/one-line.js';

export interface TurnSink {
  /** One update of the turn: saved, then into the store. */
  apply(update: TurnUpdate): void;
  /** The turn failed inside streambook: its cell ends failed, the session goes on. */
  broke(error: unknown): void;
}

/**
 * Where one turn's updates go: the journal, then the store. Whatever throws while a turn runs
 * (the engine, or the store taking an update) ends that turn's cell as failed; the session,
 * its other cells and the next prompt carry on. `current` is false once the conversation the
 * turn belongs to is gone (/clear, a fork): then nothing of it lands anywhere.
 *
 * The updates of one turn of the event loop (a network read's events and deltas) reach the
 * store together, as one new state, when it ends: a 20k-delta burst was 40k states, each a
 * copy of the session and the cell. A view paints at most once a frame, so it sees the same.
 */
export function turnSink(
  { store, journal, hide }: { store: SessionStore; journal: Journal | null; hide: Hide },
  turn: { id: number; messages: MessageParam[]; abort: AbortController; current: () => boolean },
): TurnSink {
  const { id, messages, abort, current } = turn;
  let broken = false;
  let pending: TurnUpdate[] = [];
  let scheduled: NodeJS.Immediate | null = null;
  const take = () => {
    if (scheduled) clearImmediate(scheduled);
    scheduled = null;
    const updates = pending;
    pending = [];
    return updates;
  };
  const flush = () => {
    const updates = take();
    if (updates.length === 0 || broken || !current()) return;
    const before = store.getSnapshot();
    try {
      store.update((s) => turnUpdated(s, id, updates), 'batched');
    } catch (error) {
      // A view may have thrown after the run landed; if it did not land, `broke` keeps what it
      // can of it.
      if (store.getSnapshot() === before) pending = updates;
      broke(error);
    }
  };
  const broke = (error: unknown) => {
    if (broken || !current()) return;
    broken = true;
    abort.abort();
    // What came before the failure is kept: the run an update at a time, up to the one that
    // cannot be taken (a failed run changed nothing, see CellDraft).
    for (const update of take()) {
      try {
        store.update((s) => turnUpdated(s, id, [update]), 'batched');
      } catch {
        break;
      }
    }
    // The failure's words are streambook's own, which no redactor saw; a key in them is hidden.
    const text = hide(brokenTurnText(error));
    journal?.broke(id, text);
    store.update((s) => turnBroke(s, id, text));
  };
  const apply = (update: TurnUpdate) => {
    if (broken || !current()) return;
    try {
      journal?.update(id, update);
      if (update.type !== 'end') {
        pending.push(update);
        scheduled ??= setImmediate(flush);
        return;
      }
      // The outcome reaches the store once, with the `end` update, and is shown at once.
      flush();
      if (!broken) store.update((s) => turnEnded(s, id, messages, update.outcome));
    } catch (error) {
      broke(error);
    }
  };
  return { apply, broke };
}

/** The one line a turn that broke inside streambook ends with. */
function brokenTurnText(error: unknown): string {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return oneLine(
    `streambook failed on this reply (${reason.slice(0, 200)}); the session is kept: /retry sends it again`,
  );
}
