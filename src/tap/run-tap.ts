import { isLoopback } from '../config/loopback.js';
import { UsageError } from '../config/usage-error.js';
import { runCommand } from './child-command.js';
import { isOwnAddress } from './same-origin.js';
import { TAP_HELP, type TapOptions, tapOptions } from './tap-options.js';
import { startTap, type TapServer } from './tap-server.js';

/** The CLI's one line on stderr. */
type Diagnose = (line: string) => void;

const USAGE_EXIT = 2;

/**
 * `streambook tap`: runs the tap until it is stopped (SIGINT, SIGTERM), or with `-- CMD`
 * until CMD exits, and gives the exit code: CMD's, or 130/143 for a stop, 1 when it could not
 * start, 2 for a usage error.
 */
export async function runTap(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  diagnose: Diagnose,
): Promise<number> {
  const usageError = (message: string) => {
    diagnose(`${message} (try: streambook tap --help)`);
    return USAGE_EXIT;
  };
  let options: TapOptions;
  try {
    options = tapOptions(argv, env);
  } catch (error) {
    if (error instanceof UsageError) return usageError(error.message);
    throw error;
  }
  if (options.help) {
    process.stdout.write(`${TAP_HELP}\n`);
    return 0;
  }
  let tap: TapServer;
  try {
    tap = await startTap({
      ...options,
      log: (line) => diagnose(`${new Date().toISOString().slice(11, 19)} ${line}`),
      warn: diagnose,
    });
  } catch (error) {
    diagnose(listenProblem(error, options));
    return 1;
  }
  if (isOwnAddress(options.host, new URL(tap.url).port, options.upstream)) {
    await tap.close();
    return usageError(
      `the upstream ${options.upstream} is the tap's own address (is ANTHROPIC_BASE_URL left from an earlier export?); set --upstream URL`,
    );
  }
  if (!isLoopback(options.host))
    diagnose(
      `listening on ${options.host}: anyone who can reach it can send requests through the tap, and read what they answer`,
    );
  // With a command, stdout is the command's: the tap's own lines go to stderr.
  const say = options.command ? diagnose : (line: string) => process.stdout.write(`${line}\n`);
  say(`tap on ${tap.url}, forwarding to ${options.upstream}; sessions saved in ${options.stateDir}`);
  say(`export ANTHROPIC_BASE_URL=${tap.url}`);

  let code: number;
  if (options.command) {
    const result = await runCommand(options.command, { ...env, ANTHROPIC_BASE_URL: tap.url });
    if (result.problem) diagnose(result.problem);
    code = result.code;
  } else {
    code = await stopped();
  }
  await tap.close();
  const id = tap.sessionId;
  if (id) diagnose(`saved session ${id}: streambook -r ${id} opens it, --replay ${id}:N serves a turn again`);
  return code;
}

/** Waits for SIGINT or SIGTERM, and gives the exit code a stop by it means (128 + signal). */
function stopped(): Promise<number> {
  return new Promise((resolve) => {
    const stop = (code: number) => () => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(code);
    };
    const onInt = stop(130);
    const onTerm = stop(143);
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
}

function listenProblem(error: unknown, { host, port }: TapOptions): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EADDRINUSE':
      return `port ${port} on ${host} is in use: pick another with --port N (0 picks a free one)`;
    case 'EACCES':
      return `no permission to listen on ${host}:${port}: pick a port above 1023 with --port N`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `${host} is not an address of this machine: pick one with --host, such as 127.0.0.1`;
    default:
      return `the tap could not listen on ${host}:${port}: ${error instanceof Error ? error.message : String(error)}`;
  }
}
