import type { TurnUpdate, WireEvent } from './types.js';

type Emit = (update: TurnUpdate) => void;

/** An event the tap read; it shows once the SDK has taken `needs` events. */
interface HeldEvent {
  event: WireEvent;
  needs: number;
  /** Whether the SDK reads it too. */
  read: boolean;
}

/** The events the SDK hands on or throws on; it skips pings, unnamed events and empty data. */
function sdkReads(event: WireEvent): boolean {
  return event.event !== null && event.event !== 'ping' && event.data !== '';
}

/**
 * Keeps the two readers of one body in step. The wire tap and the SDK read the same bytes on
 * two branches, and either may run ahead. An event from the tap shows once the SDK has taken
 * it (a ping or an unnamed event, once the SDK has taken everything before it), so an event
 * past the one the SDK stopped on never shows, and the event counts are the turn's. An update
 * the SDK derived from its `n`th event shows once the tap has shown that event.
 */
export class WireOrder {
  readonly #emit: Emit;
  readonly #wire: HeldEvent[] = [];
  readonly #derived: Array<{ after: number; update: TurnUpdate }> = [];
  /** Events the tap has read that the SDK reads too. */
  #tapRead = 0;
  /** Of those, how many have been shown. */
  #shown = 0;
  #taken = 0;

  constructor(emit: Emit) {
    this.#emit = emit;
  }

  /** Events the SDK has taken: the count of the turn as far as it went. */
  get takenCount(): number {
    return this.#taken;
  }

  wire(event: WireEvent): void {
    const read = sdkReads(event);
    if (read) this.#tapRead++;
    this.#wire.push({ event, needs: this.#tapRead, read });
    this.#flush();
  }

  derived(after: number, update: TurnUpdate): void {
    // The usual case, once per delta: its event has shown and nothing waits before it. (No
    // wire event can be ready here: every call that makes one ready flushes it.)
    if (this.#derived.length === 0 && after <= this.#shown) {
      this.#emit(update);
      return;
    }
    this.#derived.push({ after, update });
    this.#flush();
  }

  take(count: number): void {
    this.#taken = count;
    this.#flush();
  }

  /**
   * The turn is over. When the SDK stopped on a bad event (`cut`), that event shows and the
   * ones after it, which the tap read on its own, do not; otherwise everything read shows.
   */
  finish(cut: boolean): void {
    let past = false;
    while (this.#wire.length > 0) {
      const next = this.#wire[0] as HeldEvent;
      if (cut && next.needs > this.#taken) {
        if (past || !next.read) break;
        past = true;
      }
      this.#show(next);
    }
    if (cut) this.#wire.length = 0;
    for (const { update } of this.#derived.splice(0)) this.#emit(update);
  }

  #flush(): void {
    while (true) {
      const wire = this.#wire[0];
      if (wire && wire.needs <= this.#taken) {
        this.#show(wire);
        continue;
      }
      const derived = this.#derived[0];
      if (derived && derived.after <= this.#shown) {
        this.#derived.shift();
        this.#emit(derived.update);
        continue;
      }
      return;
    }
  }

  #show(entry: HeldEvent): void {
    this.#wire.shift();
    if (entry.read) this.#shown++;
    this.#emit({ type: 'wire', event: entry.event });
  }
}
