import { isLoopback } from '../config/loopback.js';
import { REPLAY_PREFIX, RecordingError, Recordings } from '../offline/recording.js';
import { SCENARIO_HEADER } from '../offline/request-scenario.js';
import { SCENARIOS } from '../offline/scenario-names.js';
import { createOfflineServer, type OfflineServer } from '../offline/server.js';
import { logLine } from './log-line.js';
import type { ServeRequest } from './serve-options.js';

export interface ServeOutput {
  /** stdout: the base URL and the line that points a client at it, nothing else. */
  write(text: string): void;
  /** stderr, one line each, prefixed: notes and failures. */
  diagnose(line: string): void;
  /** stderr, one line each as given: the request log. */
  log(line: string): void;
}

export type StopSignal = 'SIGINT' | 'SIGTERM';

/** The exit code when a signal ends the server: 128 + its number, as for the notebook. */
const SIGNAL_EXIT: Record<StopSignal, number> = { SIGINT: 130, SIGTERM: 143 };

export const SERVE_USAGE =
  'streambook serve [--port N] [--host ADDR] [--scenario NAME] [--replay ID[:N]] [--speed X] [--pace realistic|none] [--state-dir DIR]';

/**
 * `streambook serve`: the offline API in the foreground until `stopped` resolves, with a log
 * line per request. Returns the exit code: 1 when it can't listen, 2 for a replay that can't
 * be loaded, and on a signal the notebook's codes (130, 143) once every stream is closed.
 */
export async function runServe(
  request: ServeRequest,
  out: ServeOutput,
  stopped: Promise<StopSignal>,
): Promise<number> {
  if (request.help) {
    out.write(serveHelp());
    return 0;
  }
  let server: OfflineServer & { readonly listening: Promise<void> };
  try {
    server = createOfflineServer({
      host: request.host,
      port: request.port,
      pace: request.pace,
      scenario: request.scenario,
      recordings: new Recordings(request.stateDir, request.speed),
      onRequest: (record) => out.log(logLine(record, new Date())),
      requestReplays: isLoopback(request.host),
    });
  } catch (error) {
    if (!(error instanceof RecordingError)) throw error;
    out.diagnose(error.message);
    return 2;
  }
  try {
    await server.listening;
  } catch (error) {
    out.diagnose(listenFailure(error, request));
    return 1;
  }
  out.write(`${server.url}\nexport ANTHROPIC_BASE_URL=${server.url}\n`);
  if (!isLoopback(request.host)) {
    out.diagnose(
      `warning: listening on ${request.host}, not only this machine: anyone who can reach port ${portOf(server.url)} can use it, and it accepts any key (a request can't pick a replay here; --replay still works)`,
    );
  }
  out.diagnose(
    `answering as ${answering(request)}; a request picks its own with the header ${SCENARIO_HEADER}: NAME or a prompt that starts [scenario:NAME]; Ctrl+C stops`,
  );
  const signal = await stopped;
  await server.close();
  out.diagnose(`stopped by ${signal}; any stream in flight was closed`);
  return SIGNAL_EXIT[signal];
}

/** One line that names the fix, for the ways a listen fails. */
function listenFailure(error: unknown, request: ServeRequest): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const where = `${request.host} port ${request.port}`;
  switch (code) {
    case 'EADDRINUSE':
      return `${where} is in use: stop what holds it, or pick another with --port N (--port 0 picks a free one)`;
    case 'EACCES':
      return `no permission to listen on ${where}: pick a port above 1023 with --port N`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `can't listen on ${request.host}: it is not an address of this machine (--host 127.0.0.1 is the default)`;
    default:
      return `can't listen on ${where}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function portOf(url: string): string {
  return new URL(url).port;
}

/** What answers: a scenario at its pace, or a replay at its speed (the pace does not apply). */
function answering({ scenario, pace, speed }: ServeRequest): string {
  if (scenario.startsWith(REPLAY_PREFIX)) return `${scenario} (speed ${speed})`;
  return `${scenario} (pace ${typeof pace === 'string' ? pace : `${pace.deltasPerSecond} deltas/s`})`;
}

function serveHelp(): string {
  const scenarios = SCENARIOS.map(({ name, summary }) => `  ${name.padEnd(15)} ${summary}`).join('\n');
  return `Usage: ${SERVE_USAGE}

Runs streambook's offline Messages API in the foreground, for any client: the Python and
TypeScript SDKs, curl. Point a client at it with the line it prints:
  export ANTHROPIC_BASE_URL=http://127.0.0.1:8787
Any key is accepted. One line per request is logged to stderr. Ctrl+C stops it.

Options:
      --port N                port (default 8787; 0 picks a free one)
      --host ADDR             address to listen on (default 127.0.0.1; any other lets others in)
      --scenario NAME         the scenario for requests that name none (default chat)
      --replay ID:N           answer every request with cell N of saved session ID, as recorded;
                              --replay ID answers a conversation's n-th prompt with its n-th cell
      --speed X               replay speed: 1 as recorded (default), 2 twice as fast, 0 all at once
      --pace realistic|none   scenarios at the API's latency and token rate (default), or at once
                              (env STREAMBOOK_OFFLINE_PACE=none)
      --state-dir DIR         where saved sessions are read from (default $XDG_STATE_HOME/streambook)
  -h, --help                  print this help

A request picks its own scenario with the header ${SCENARIO_HEADER}: NAME, or with a prompt
that starts [scenario:NAME] (taken off before the scenario sees the prompt).

Scenarios:
${scenarios}
  replay:ID[:N]   a saved session's cell, or its cells in turn, as with --replay
`;
}
