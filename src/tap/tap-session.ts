import type { TurnUpdate } from '../engine/types.js';
import { type Journal, SessionJournal } from '../journal/session-journal.js';
import { newCell } from '../store/cell.js';
import type { ExchangeRequest } from './exchange-request.js';

/** What an exchange tells the session about its turn. */
export interface TurnLog {
  update(update: TurnUpdate): void;
  broke(message: string): void;
}

/** One exchange's turn as the session file gets it. */
interface Turn {
  request: ExchangeRequest;
  /** Updates not yet written: the turn is waiting for the ones before it to end. */
  pending: TurnUpdate[];
  cell: number | null;
  ended: boolean;
}

/**
 * All the exchanges of one tap run, as the turns of one session. A session file holds one
 * turn at a time (a reader applies records to the last cell), and clients send requests side
 * by side: the oldest exchange in flight is written as it happens, and the others wait in
 * memory for their turn, each then written whole and in order. Cells are numbered as written.
 */
export class TapSession {
  readonly #open: (first: ExchangeRequest) => Journal;
  #journal: Journal | null = null;
  readonly #queue: Turn[] = [];
  #cells = 0;
  readonly #idle: Array<() => void> = [];

  constructor(open: (first: ExchangeRequest) => Journal) {
    this.#open = open;
  }

  /** The session's id, once its first exchange made the file. */
  get id(): string | null {
    return this.#journal?.id ?? null;
  }

  /** A new exchange's turn: give it the exchange's updates, `end` last, or say it broke. */
  exchange(request: ExchangeRequest): TurnLog {
    const turn: Turn = { request, pending: [], cell: null, ended: false };
    this.#queue.push(turn);
    if (this.#queue.length === 1) this.#start(turn);
    const ended = () => {
      turn.ended = true;
      if (this.#queue[0] === turn) this.#next();
    };
    return {
      update: (update) => {
        if (turn.ended) return;
        if (turn.cell === null) turn.pending.push(update);
        else this.#write(turn.cell, update);
        if (update.type === 'end') ended();
      },
      // Recording it failed: what was written stays, marked broken, so the turns after it go on.
      broke: (message) => {
        if (turn.ended) return;
        turn.pending = [];
        if (turn.cell !== null) this.#journal?.broke(turn.cell, message);
        ended();
      },
    };
  }

  /** Resolves once every exchange begun has its turn written (its end, or that it broke). */
  idle(): Promise<void> {
    if (this.#queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  close(): void {
    this.#journal?.close();
  }

  #start(turn: Turn): void {
    this.#journal ??= this.#open(turn.request);
    turn.cell = ++this.#cells;
    const { prompt, settings } = turn.request;
    // No messages for the journal to compact request bodies against: a restored session's
    // history is not the client's, so each body is kept whole.
    this.#journal.turnStarted(newCell(turn.cell, prompt, settings, null), null, []);
    for (const update of turn.pending.splice(0)) this.#write(turn.cell, update);
  }

  /** The head ended: the next waiting turns are written, as far as they have ended too. */
  #next(): void {
    this.#queue.shift();
    const head = this.#queue[0];
    if (!head) {
      for (const resolve of this.#idle.splice(0)) resolve();
      return;
    }
    this.#start(head);
    if (head.ended) this.#next();
  }

  #write(cell: number, update: TurnUpdate): void {
    this.#journal?.update(cell, update);
  }
}

/** The session file of a tap run: `by: 'tap'`, named for its upstream, with its first request's settings. */
export function tapJournal(
  stateDir: string,
  upstream: string,
  warn: (line: string) => void,
): (first: ExchangeRequest) => Journal {
  return (first) =>
    new SessionJournal({
      stateDir,
      header: {
        settings: first.settings,
        scenario: null,
        source: { offline: false, describe: `tap of ${upstream}`, baseURL: upstream },
        by: 'tap',
      },
      warn,
    });
}
