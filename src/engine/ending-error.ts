import type { TurnError } from './types.js';

/**
 * A failure the engine finds itself (a stall, a reply that is no stream, too long a wait),
 * already worded as the turn's one-line error. It travels through the SDK, which may wrap it
 * as a `cause`, and comes out as `turnError` unchanged.
 */
export class EndingError extends Error {
  readonly turnError: TurnError;

  constructor(turnError: TurnError) {
    super(turnError.message);
    this.name = 'EndingError';
    this.turnError = turnError;
  }
}

/** A duration as people say it: `0.3 s`, `45 s`, `5 min`, `24 h`. */
export function durationText(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return `${round1(seconds)} s`;
  if (seconds < 3600) return `${round1(seconds / 60)} min`;
  return `${round1(seconds / 3600)} h`;
}

function round1(n: number): string {
  return String(Math.round(n * 10) / 10);
}
