import type { SseEvent } from './sse.js';

/** What a press of /step did. */
export type StepPress =
  | { kind: 'armed' }
  | { kind: 'sent'; index: number; event: string | null }
  /** The stepped stream is between events: the next one goes as soon as it is ready. */
  | { kind: 'queued' };

/** One stepped response: the writer waits on `next` before each event and calls `end` when done. */
export interface SteppedStream {
  next(event: SseEvent, signal: AbortSignal): Promise<void>;
  end(): void;
}

interface Stepping {
  /** Events that reached the gate, the waiting one included. */
  sent: number;
  /** Presses made while no event was waiting, each owed to the next one. */
  credits: number;
  waiting: { event: SseEvent; go: () => void } | null;
}

/**
 * Step mode, for teaching the protocol one event at a time: armed, the next streamed response
 * the offline server writes (a scenario's or a replay's) waits before each event until a press
 * releases it. One turn is stepped per arming; `off` lets the rest go at once.
 */
export class StepGate {
  #armed = false;
  #stream: Stepping | null = null;

  get armed(): boolean {
    return this.#armed;
  }

  /** The number (from 1) of the event waiting for a press, or null when none is. */
  get waiting(): number | null {
    return this.#stream?.waiting ? this.#stream.sent : null;
  }

  /** Releases the waiting event, or arms step mode for the next reply when none is stepping. */
  press(): StepPress {
    const stream = this.#stream;
    if (!stream) {
      this.#armed = true;
      return { kind: 'armed' };
    }
    if (!stream.waiting) {
      stream.credits++;
      return { kind: 'queued' };
    }
    const { event, go } = stream.waiting;
    stream.waiting = null;
    go();
    return { kind: 'sent', index: stream.sent, event: event.event };
  }

  /** Step mode off: nothing is armed, and a stepped reply goes on at once. */
  off(): void {
    this.#armed = false;
    const stream = this.#stream;
    this.#stream = null;
    stream?.waiting?.go();
  }

  /** The stepping for a response about to stream, if armed (the arming is used up). */
  take(): SteppedStream | null {
    if (!this.#armed) return null;
    this.#armed = false;
    const stream: Stepping = { sent: 0, credits: 0, waiting: null };
    this.#stream = stream;
    return {
      next: (event, signal) => {
        // Once step mode is turned off (or another stream took over), every event goes at once.
        if (this.#stream !== stream) return Promise.resolve();
        stream.sent++;
        if (stream.credits > 0) {
          stream.credits--;
          return Promise.resolve();
        }
        return new Promise<void>((resolve) => {
          const go = () => {
            signal.removeEventListener('abort', go);
            resolve();
          };
          stream.waiting = { event, go };
          signal.addEventListener('abort', go, { once: true });
        });
      },
      end: () => {
        if (this.#stream === stream) this.#stream = null;
      },
    };
  }
}
