import packageJson from '../package.json' with { type: 'json' };
import { type Config, resolveConfig, UsageError } from './config/config.js';
import { loadDotenv } from './config/dotenv.js';
import { USAGE_HINT, usage } from './config/usage.js';
import { readStdin } from './print/read-stdin.js';
import { neutralize } from './terminal/neutralize.js';
import { oneLine } from './terminal/one-line.js';

const EXIT = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;

async function main(): Promise<number> {
  // .env fills in what the environment lacks and never overrides it.
  const fromDotenv = new Set<string>();
  const dotenvWarning = loadDotenv(process.env, '.env', fromDotenv);
  if (dotenvWarning) diagnose(dotenvWarning);
  const argv = process.argv.slice(2);
  if (argv[0] === 'sessions') return sessions(argv.slice(1));
  if (argv[0] === 'tap')
    return (await import('./tap/run-tap.js')).runTap(argv.slice(1), process.env, diagnose);
  if (argv[0] === 'serve') return serve(argv.slice(1));
  let config: Config;
  try {
    config = resolveConfig(argv, process.env, fromDotenv);
  } catch (error) {
    if (error instanceof UsageError) return usageError(error.message);
    throw error;
  }
  if (config.help) {
    process.stdout.write(`${usage()}\n`);
    return EXIT.ok;
  }
  if (config.version) {
    process.stdout.write(`${packageJson.version}\n`);
    return EXIT.ok;
  }
  if (!config.print) {
    const { runNotebook } = await import('./ui/run-notebook.js');
    return runNotebook(config);
  }
  return printMode(config);
}

async function printMode(config: Config): Promise<number> {
  const given = (config.prompt ?? (process.stdin.isTTY ? '' : await readStdin(process.stdin))).trim();

  // Loaded here, not at the top: --help and --version should not pay for the SDK.
  const [
    { offlinePace, openConnection, preloadReplay },
    { runPrint },
    { printSession },
    { Recordings, RecordingError },
  ] = await Promise.all([
    import('./engine/connection.js'),
    import('./print/print-mode.js'),
    import('./print/print-session.js'),
    import('./offline/recording.js'),
  ]);
  const recordings = new Recordings(config.sessions.stateDir, config.replaySpeed);
  let replayed: string | undefined;
  try {
    replayed = preloadReplay(config.connection, recordings)?.prompt;
  } catch (error) {
    if (!(error instanceof RecordingError)) throw error;
    diagnose(error.message);
    return EXIT.usage;
  }
  // A replay with no prompt of its own asks what the recorded turn asked.
  const prompt = given || replayed;
  if (!prompt) return usageError('print mode needs a prompt: pass it as an argument or on stdin');
  const connection = await openConnection(config.connection, {
    maxRetries: config.maxRetries,
    idleTimeoutMs: config.idleTimeoutMs,
    pace: offlinePace(process.env),
    recordings,
  });
  if (connection.offline) diagnose(connection.describe);
  const saved = printSession(config, connection, diagnose);
  if ('error' in saved) {
    await connection.close();
    diagnose(saved.error);
    return EXIT.usage;
  }
  const abort = new AbortController();
  process.once('SIGINT', () => abort.abort());
  // A reader that stops early (`| head`) is not an error: stop streaming and leave quietly.
  let closedPipe = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closedPipe = true;
    abort.abort();
  });
  try {
    const outcome = await runPrint({
      client: connection.client,
      settings: saved.settings,
      history: saved.history,
      journal: saved.journal,
      prompts: saved.prompts,
      prompt,
      format: config.outputFormat,
      stdout: {
        write: (chunk) => !closedPipe && process.stdout.write(chunk),
        isTTY: process.stdout.isTTY === true,
      },
      signal: abort.signal,
      notice: diagnose,
    });
    if (closedPipe) return EXIT.ok;
    if (outcome.status === 'interrupted') {
      diagnose('interrupted');
      return EXIT.interrupted;
    }
    if (outcome.error) {
      diagnose(outcome.error.message);
      return EXIT.failure;
    }
    return EXIT.ok;
  } finally {
    saved.journal?.journal.close();
    await connection.close();
  }
}

/** `streambook sessions`: the saved sessions, for people or (--json) for scripts. */
async function sessions(argv: string[]): Promise<number> {
  const { printSessions, sessionsRequest } = await import('./print/sessions-subcommand.js');
  let request: ReturnType<typeof sessionsRequest>;
  try {
    request = sessionsRequest(argv, process.env);
  } catch (error) {
    if (error instanceof UsageError) return usageError(error.message);
    throw error;
  }
  // A reader that stops early (`| head`) has what it wanted.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  printSessions(request, {
    write: (text) => process.stdout.write(text),
    diagnose,
    columns: (process.stdout.isTTY && process.stdout.columns) || 100,
  });
  return EXIT.ok;
}

/** `streambook serve`: the offline API in the foreground, for any client (src/serve/). */
async function serve(argv: string[]): Promise<number> {
  const { serveCommand } = await import('./serve/serve-command.js');
  return serveCommand(argv, { env: process.env, diagnose, exitCodes: EXIT });
}

function usageError(message: string): number {
  diagnose(`${message} (${USAGE_HINT})`);
  return EXIT.usage;
}

/**
 * One line on stderr. What it says may quote a server or a configuration value, and stderr
 * is often a terminal: no control character acts, and no line break forges a line of ours.
 */
function diagnose(message: string): void {
  process.stderr.write(`streambook: ${oneLine(neutralize(message))}\n`);
}

/** Exit only once stdout has drained: a pipe would lose what is still buffered. */
function exit(code: number): void {
  process.stdout.write('', () => process.exit(code));
}

/** The CLI after src/cli.tsx: everything but a bare `--version` or `--help`. */
export function run(): void {
  main().then(exit, (error: unknown) => {
    diagnose(`unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    exit(EXIT.failure);
  });
}
