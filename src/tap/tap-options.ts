import { parseBaseURL } from '../config/connection-config.js';
import { shown } from '../config/shown.js';
import { subcommandFlags } from '../config/subcommand-flags.js';
import { UsageError } from '../config/usage-error.js';
import { stateDir } from '../journal/state-dir.js';

/** What `streambook tap` was asked for. */
export interface TapOptions {
  port: number;
  host: string;
  /** Where requests go on to, without a trailing slash. */
  upstream: string;
  stateDir: string;
  /** The command after `--`, run with ANTHROPIC_BASE_URL set to the tap; null to run until stopped. */
  command: string[] | null;
  help: boolean;
}

export const DEFAULT_TAP_PORT = 8788;

export const TAP_USAGE =
  'streambook tap [--port N] [--host 127.0.0.1] [--upstream URL] [--state-dir DIR] [-- CMD ARGS…]';

export const TAP_HELP = `Usage: ${TAP_USAGE}
A recording reverse proxy for the Messages API. Point a client's ANTHROPIC_BASE_URL at it:
each request goes on to the upstream unchanged, its answer comes back byte for byte, and each
exchange is saved as a turn of a session (without the key) that -r ID opens and --replay ID:N
serves again.
  --port N        the port to listen on (default ${DEFAULT_TAP_PORT}; 0 picks a free one)
  --host HOST     the address to listen on (default 127.0.0.1)
  --upstream URL  where requests go (default: $ANTHROPIC_BASE_URL, else https://api.anthropic.com)
  --state-dir DIR where sessions are saved (as for the notebook)
  -- CMD ARGS…    run CMD with ANTHROPIC_BASE_URL set to the tap; exit with its exit code`;

const DEFAULT_UPSTREAM = 'https://api.anthropic.com';

const FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  upstream: { type: 'string' },
  'state-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The subcommand's flags (everything after `tap`); a bad one throws UsageError. */
export function tapOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): TapOptions {
  // Everything after `--` is the command's own, flags included.
  const split = argv.indexOf('--');
  const flags = split === -1 ? argv : argv.slice(0, split);
  const command = split === -1 ? null : argv.slice(split + 1);
  const values = subcommandFlags(
    'tap',
    flags,
    FLAGS,
    'to run a command through it: streambook tap -- CMD ARGS',
  );
  if (command !== null && command.length === 0 && !values.help)
    throw new UsageError('tap -- needs a command to run, as in: streambook tap -- python app.py');
  if (values['state-dir'] === '') throw new UsageError('--state-dir needs a folder');
  const fromEnv = env.ANTHROPIC_BASE_URL?.trim() || undefined;
  const upstream =
    values.upstream !== undefined
      ? parseBaseURL('--upstream', values.upstream)
      : (parseBaseURL('ANTHROPIC_BASE_URL', fromEnv) ?? DEFAULT_UPSTREAM);
  return {
    port: portOf(values.port),
    host: hostOf(values.host),
    upstream: (upstream ?? DEFAULT_UPSTREAM).replace(/\/+$/, ''),
    stateDir: stateDir(values['state-dir'], env),
    command,
    help: values.help ?? false,
  };
}

function portOf(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TAP_PORT;
  const port = Number(value);
  if (!/^\d{1,5}$/.test(value) || port > 65535)
    throw new UsageError(
      `--port must be a port number from 0 to 65535 (0 picks a free one), got ${shown(value)}`,
    );
  return port;
}

function hostOf(value: string | undefined): string {
  if (value === undefined) return '127.0.0.1';
  if (!/^[\w.:-]{1,253}$/.test(value))
    throw new UsageError(`--host must be an address or a host name, such as 127.0.0.1, got ${shown(value)}`);
  return value;
}
