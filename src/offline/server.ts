import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { answer, type ServedScenario, servedScenario, unknownScenario } from './answer.js';
import { errorBody } from './errors.js';
import { sendError, sendJson } from './json-response.js';
import type { Pace } from './pace.js';
import { uniqueId } from './random.js';
import { readBody } from './read-body.js';
import { REPLAY_PREFIX, type Recording, RecordingError, type Recordings } from './recording.js';
import { estimateInputTokens, parseRequest } from './request.js';
import { type RequestRecord, recordRequest } from './request-record.js';
import { requestScenario, SCENARIO_HEADER } from './request-scenario.js';
import { routeOf } from './route.js';
import { StepGate } from './step-gate.js';

/** A running offline Messages API. Point the SDK's baseURL at `url`; nothing else needs to know. */
export interface OfflineServer {
  /** http://127.0.0.1:PORT, without a trailing slash. */
  readonly url: string;
  /** The scenario that answers new requests, as given (e.g. `long:20000`). */
  readonly scenario: string;
  /**
   * Switches the scenario for the requests that follow; throws on an unknown name, and
   * RecordingError on a replay (`replay:ID:N`) that can't be loaded.
   */
  setScenario(name: string): void;
  /** The recorded turn that answers, when the scenario is a replay. */
  readonly recording: Recording | null;
  /** Step mode (/step): a streamed reply one event per press. */
  readonly steps: StepGate;
  /** Stops listening and destroys open connections, streams in flight included. */
  close(): Promise<void>;
}

export interface OfflineServerOptions {
  /** Defaults to 'realistic'; tests want 'none'. */
  pace?: Pace;
  /** Defaults to 'chat'. */
  scenario?: string;
  /** Called as each SSE event is handed to the socket; the benchmark times latency from it. */
  onEventWritten?: (event: string | null) => void;
  /** Where replays (`replay:ID:N` scenarios) are loaded from, and their speed. */
  recordings?: Recordings;
  /** Defaults to 127.0.0.1 and a free port. */
  host?: string;
  port?: number;
  /** Called once per request when its response is over, for a log line. */
  onRequest?: (record: RequestRecord) => void;
  /**
   * Whether a request may pick a replay (`replay:ID[:N]`) by header or prefix; default true.
   * A server others can reach says no: a replay serves a saved session's prompts and answers.
   */
  requestReplays?: boolean;
}

interface Settings {
  pace: Pace;
  /** The scenario as named, for the request log. */
  scenarioName: string;
  recordings: Recordings | undefined;
  requestReplays: boolean;
  onRequest: ((record: RequestRecord) => void) | undefined;
  scenario: ServedScenario;
  onEventWritten?: ((event: string | null) => void) | undefined;
  steps: StepGate;
}

export async function startOfflineServer(options: OfflineServerOptions = {}): Promise<OfflineServer> {
  const server = createOfflineServer(options);
  await server.listening;
  return server;
}

/**
 * The server at once, listening soon: its scenario and step controls work now, and `url` once
 * `listening` resolves. The notebook draws its first frame meanwhile.
 */
export function createOfflineServer(
  options: OfflineServerOptions = {},
): OfflineServer & { readonly listening: Promise<void> } {
  const pace = options.pace ?? 'realistic';
  if (typeof pace === 'object' && !(pace.deltasPerSecond > 0 && Number.isFinite(pace.deltasPerSecond))) {
    throw new RangeError(`deltasPerSecond must be a positive number, got ${pace.deltasPerSecond}`);
  }
  const settings: Settings = {
    pace,
    scenarioName: options.scenario ?? 'chat',
    recordings: options.recordings,
    requestReplays: options.requestReplays ?? true,
    onRequest: options.onRequest,
    scenario: servedScenario(options.scenario ?? 'chat', options.recordings),
    onEventWritten: options.onEventWritten,
    steps: new StepGate(),
  };

  // Open responses, so close() can wait for each to be over (and reported) before it resolves.
  const open = new Set<Promise<void>>();
  const server = createServer((req, res) => {
    const over = new Promise<void>((resolve) => res.once('close', resolve));
    open.add(over);
    void over.then(() => open.delete(over));
    handle(req, res, { ...settings }).catch((error: unknown) => failed(res, error));
  });
  const listening = new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  let closing: Promise<void> | undefined;

  return {
    listening,
    get url() {
      const address = server.address() as AddressInfo | null;
      if (!address) throw new Error('the offline server is not listening yet');
      return `http://${urlHost(address)}:${address.port}`;
    },
    get scenario() {
      return settings.scenarioName;
    },
    steps: settings.steps,
    get recording() {
      return settings.scenario.name === 'replay' ? (settings.scenario.cells[0] ?? null) : null;
    },
    setScenario(next) {
      settings.scenario = servedScenario(next, options.recordings);
      settings.scenarioName = next;
    },
    close() {
      // Closed before it listened: the listen is awaited (and its failure no longer matters).
      closing ??= listening.then(
        () =>
          closeServer(server)
            .then(() => Promise.all(open))
            .then(() => {}),
        () => {},
      );
      return closing;
    },
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, settings: Settings): Promise<void> {
  const startedAt = performance.now();
  const requestId = uniqueId('req_offline_');
  const record = recordRequest(req, res, startedAt, settings.onRequest);
  const route = routeOf(req.method, req.url);
  if (route.kind === 'not_found' || route.kind === 'wrong_method') {
    req.resume();
    if (route.kind === 'not_found')
      return sendError(res, requestId, { type: 'not_found_error', message: 'Not Found' });
    const message = `Method ${req.method} is not allowed here: this path takes ${route.allow}`;
    const body = errorBody({ type: 'invalid_request_error', message }, requestId);
    return sendJson(res, 405, body, requestId, { allow: route.allow });
  }
  if (req.headers['x-api-key'] === undefined && req.headers.authorization === undefined) {
    req.resume();
    return sendError(res, requestId, {
      type: 'authentication_error',
      message: 'x-api-key header is required',
    });
  }
  const text = await readBody(req);
  if (text === null) {
    // Not `connection: close`: the socket would close while the client still sends, and it
    // would see a broken pipe instead of this answer (readBody drains the rest).
    return sendError(res, requestId, {
      type: 'request_too_large',
      message: 'Request exceeds the maximum size',
    });
  }
  const parsed = parseRequest(text, route.kind === 'count_tokens');
  if (!parsed.ok) {
    return sendError(res, requestId, { type: 'invalid_request_error', message: parsed.message });
  }
  const chosen = requestScenario(req.headers[SCENARIO_HEADER], parsed.request);
  const { request } = chosen;
  if (route.kind === 'count_tokens') {
    return sendJson(res, 200, { input_tokens: estimateInputTokens(request) }, requestId);
  }
  let scenario = settings.scenario;
  if (chosen.name?.startsWith(REPLAY_PREFIX) && !settings.requestReplays) {
    const message = `this server can be reached from other machines, so a request can't pick a replay (it would serve a saved session); start it with --replay ${chosen.name.slice(REPLAY_PREFIX.length)} instead`;
    return sendError(res, requestId, { type: 'invalid_request_error', message });
  }
  if (chosen.name !== null) {
    try {
      scenario = servedScenario(chosen.name, settings.recordings);
    } catch (error) {
      const message =
        error instanceof RecordingError ? error.message : unknownScenario(chosen.name, chosen.from);
      return sendError(res, requestId, { type: 'invalid_request_error', message });
    }
  }
  record.scenario = chosen.name ?? settings.scenarioName;
  const onWritten = (event: string | null) => {
    record.events++;
    settings.onEventWritten?.(event);
  };
  await answer(req, res, request, { ...settings, scenario, startedAt, requestId, onWritten });
}

function failed(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const message = `Internal server error: ${error instanceof Error ? error.message : String(error)}`;
  sendError(res, uniqueId('req_offline_'), { type: 'api_error', message });
}

/** The host to put in a URL: a wildcard address is reached on loopback, and IPv6 goes in brackets. */
export function urlHost(address: AddressInfo): string {
  if (address.address === '0.0.0.0' || address.address === '::') return '127.0.0.1';
  return address.family === 'IPv6' ? `[${address.address}]` : address.address;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Keep-alive sockets and streams in flight would otherwise hold close() open until they end.
    server.closeAllConnections();
  });
}
