import { accumulate, type StreamEvent } from '../engine/accumulate.js';
import type { Message, TurnOutcome } from '../engine/types.js';
import type { Cell } from '../store/cell.js';

/**
 * How a turn ends whose file stops mid-stream (streambook was killed): failed, with the
 * message its events make so far, so its text stays on screen and in the history as an
 * interrupted reply's does.
 */
export function cutOffOutcome(cell: Cell): TurnOutcome {
  let message: Message | null = null;
  let ttftMs: number | null = null;
  for (const event of cell.events) {
    if (ttftMs === null && event.data.includes('"text_delta"')) ttftMs = event.t;
    try {
      if (event.json !== undefined) message = accumulate(message, event.json as StreamEvent);
    } catch {
      // An event the live turn would have stopped on: what came before it stands.
    }
  }
  return {
    status: 'failed',
    message,
    error: {
      kind: 'incomplete',
      message: 'this reply was cut off when streambook stopped; /retry sends it again',
    },
    metrics: {
      ttfbMs: cell.events[0]?.t ?? null,
      ttftMs,
      totalMs: cell.events.at(-1)?.t ?? 0,
      outputTokens: null,
      tokensPerSecond: null,
      stopReason: null,
      usage: message?.usage ?? null,
      usageFinal: false,
      attempts: cell.attempts.length,
    },
  };
}
