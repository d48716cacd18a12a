import { REPLAY_FLAGS, replayScenario, replaySpeed } from '../config/replay-options.js';
import { quoted, shown } from '../config/shown.js';
import { subcommandFlags } from '../config/subcommand-flags.js';
import { UsageError } from '../config/usage-error.js';
import { stateDir } from '../journal/state-dir.js';
import type { Pace } from '../offline/pace.js';
import { isScenarioName } from '../offline/scenario-names.js';

/** What `streambook serve` was asked for. */
export interface ServeRequest {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** The scenario for requests that name none: `chat`, `long:50`, or a replay (`replay:ID:N`). */
  scenario: string;
  pace: Pace;
  /** Where replays are read from, and their speed (1 as recorded, 0 at once). */
  stateDir: string;
  speed: number;
  help: boolean;
}

/** The example port: easy to remember, and clear of the common development ports. */
export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';

const FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  scenario: { type: 'string' },
  ...REPLAY_FLAGS,
  pace: { type: 'string' },
  'state-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The subcommand's flags (everything after `serve`); a bad one throws UsageError. */
export function serveRequest(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): ServeRequest {
  const values = subcommandFlags('serve', argv, FLAGS, 'its options are flags (streambook serve --help)');
  if (values.replay !== undefined && values.scenario !== undefined) {
    throw new UsageError('--replay and --scenario both choose the answers: give one of them');
  }
  if (values.scenario !== undefined && !isScenarioName(values.scenario)) {
    throw new UsageError(`unknown scenario ${quoted(values.scenario)} (streambook serve --help lists them)`);
  }
  if (values['state-dir'] === '') throw new UsageError('--state-dir needs a folder');
  const host = values.host ?? DEFAULT_HOST;
  if (!/^[\w.:%-]+$/.test(host)) {
    throw new UsageError(
      `--host takes an address or a host name, such as 127.0.0.1 or 0.0.0.0, got ${quoted(host)}`,
    );
  }
  return {
    host,
    port: port(values.port),
    scenario: replayScenario(values.replay) ?? values.scenario ?? 'chat',
    pace: pace(values.pace, env),
    stateDir: stateDir(values['state-dir'], env),
    speed: replaySpeed(values.speed),
    help: values.help ?? false,
  };
}

function port(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) {
    throw new UsageError(
      `--port takes a port number from 0 to 65535 (0 picks a free one), got ${quoted(value)}`,
    );
  }
  return Number(value);
}

/** --pace, else STREAMBOOK_OFFLINE_PACE=none as the notebook reads it, else the API's own pace. */
function pace(value: string | undefined, env: Readonly<Record<string, string | undefined>>): Pace {
  if (value === undefined) return env.STREAMBOOK_OFFLINE_PACE === 'none' ? 'none' : 'realistic';
  if (value === 'realistic' || value === 'none') return value;
  throw new UsageError(`--pace is realistic or none, got ${shown(value)}`);
}
