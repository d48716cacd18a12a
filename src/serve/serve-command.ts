import { UsageError } from '../config/usage-error.js';
import { runServe, type StopSignal } from './serve.js';
import { type ServeRequest, serveRequest } from './serve-options.js';

interface CommandContext {
  env: Readonly<Record<string, string | undefined>>;
  /** One neutralized line on stderr, as the CLI writes it. */
  diagnose(line: string): void;
  exitCodes: { usage: number };
}

/** The process side of `streambook serve`: its flags, stdout and stderr, and the signals that stop it. */
export async function serveCommand(argv: string[], context: CommandContext): Promise<number> {
  let request: ServeRequest;
  try {
    request = serveRequest(argv, context.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    context.diagnose(`${error.message} (try: streambook serve --help)`);
    return context.exitCodes.usage;
  }
  // A reader that stops early (`| head -1` for the URL) must not stop the server.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  const stopped = new Promise<StopSignal>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  return runServe(
    request,
    {
      write: (text) => process.stdout.write(text),
      diagnose: context.diagnose,
      log: (line) => process.stderr.write(`${line}\n`),
    },
    stopped,
  );
}
