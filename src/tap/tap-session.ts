import type { TurnUpdate } from '../engine/types.js';
import { type Journal, SessionJournal } from '../journal/session-journal.js';
import { newCell } from '../store/cell.js';
import type { ExchangeRequest } from './exchange-request.js';

/** What an exchange tells the session about its turn. */
export interface TurnLog {
  update(update: TurnUpdate): void;
  broke(message: string): void;
}

/** The most a turn waiting for an earlier one holds in memory, roughly in characters. */
export const PENDING_CHARS = 16 * 1024 * 1024;

/** About how much memory an update takes: its text, or a fixed amount for the small ones. */
function sizeOf(update: TurnUpdate): number {
  switch (update.type) {
    case 'wire':
      return update.event.data.length + 128;
    case 'text':
    case 'thinking':
      return update.text.length + 64;
    case 'input_json':
      return update.partialJson.length + 64;
    case 'attempt':
    case 'response':
      return (update.attempt.request?.body.length ?? 0) + 1024;
    default:
      return 256;
  }
}

/** One exchange's turn as the session file gets it. */
interface Turn {
  request: ExchangeRequest;
  /** Updates not yet written: the turn is waiting for the ones before it to end. */
  pending: TurnUpdate[];
  /** Roughly how much `pending` holds, in characters. */
  held: number;
  /** Why the turn is filed as broken once it is written, if it is. */
  dropped: string | null;
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
    const turn: Turn = { request, pending: [], held: 0, dropped: null, cell: null, ended: false };
    this.#queue.push(turn);
    if (this.#queue.length === 1) this.#start(turn);
    const ended = () => {
      turn.ended = true;
      if (this.#queue[0] === turn) this.#next();
    };
    return {
      update: (update) => {
        if (turn.ended) return;
        if (turn.cell === null) this.#hold(turn, update);
        else this.#write(turn.cell, update);
        if (update.type === 'end') ended();
      },
      // Recording it failed: what was written stays, marked broken, so the turns after it go on.
      broke: (message) => {
        if (turn.ended) return;
        turn.pending = [];
        turn.dropped ??= message;
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
    if (turn.dropped) this.#journal.broke(turn.cell, turn.dropped);
  }

  /**
   * Keeps an update of a turn that waits for an earlier one: up to PENDING_CHARS, so a stalled
   * exchange cannot make the tap hold the ones after it without bound. Past that the turn's
   * records are let go, and it is filed as broken when its turn comes.
   */
  #hold(turn: Turn, update: TurnUpdate): void {
    if (turn.dropped) return;
    turn.held += sizeOf(update);
    if (turn.held <= PENDING_CHARS) {
      turn.pending.push(update);
      return;
    }
    turn.pending = [];
    turn.dropped = `the tap did not record this exchange: it waited behind an earlier exchange still open, past ${PENDING_CHARS >> 20} M characters`;
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
