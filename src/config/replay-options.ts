import { parseReplaySpec, replayScenarioName } from '../offline/recording.js';
import { quoted } from './shown.js';
import { UsageError } from './usage-error.js';

export const REPLAY_FLAGS = {
  replay: { type: 'string' },
  speed: { type: 'string' },
} as const;

/** The scenario `--replay ID:N` (or `ID`) answers with (`replay:ID:N`), or undefined without the flag. */
export function replayScenario(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const spec = parseReplaySpec(value);
  if (!spec) {
    throw new UsageError(
      `--replay takes a session id and a cell number, such as 20261201-0812-k3f9:1 (or an id alone: its cells in turn), got ${quoted(value)}`,
    );
  }
  return replayScenarioName(spec);
}

/** --speed: how fast a replay runs against its recorded times (1, the default, as recorded). */
export function replaySpeed(value: string | undefined): number {
  if (value === undefined) return 1;
  // Plain decimals only: Number() would also take 0x10, 1e3, Infinity and " 2".
  if (!/^\d{1,6}(\.\d{1,6})?$/.test(value)) {
    throw new UsageError(
      `--speed must be a number of 0 or more (2 is twice as fast, 0 sends everything at once), got ${quoted(value)}`,
    );
  }
  return Number(value);
}
