import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { streamEvents } from './events.js';
import { sendError } from './json-response.js';
import type { ResponseMeta } from './message.js';
import { createSchedule, type Pace, retryAfterMs } from './pace.js';
import { fitToMaxTokens } from './plan.js';
import { hashString, seededRandom, uniqueId } from './random.js';
import { REPLAY_PREFIX, type Recording, type Recordings } from './recording.js';
import { cellForPrompt, promptCount, recordedAttempt, serveReplay } from './replay.js';
import { estimateInputTokens, parseRequest } from './request.js';
import { parseScenario, type Scenario } from './scenario-names.js';
import { planFor } from './scenarios.js';
import { StepGate } from './step-gate.js';
import { writeEvents } from './stream-writer.js';
import { answerWhole } from './whole-answer.js';

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
}

interface Settings {
  pace: Pace;
  /** A replay: one recorded cell, or (inTurn) a session's cells, one per prompt. */
  scenario: Scenario | { name: 'replay'; cells: Recording[]; inTurn: boolean; speed: number };
  onEventWritten?: ((event: string | null) => void) | undefined;
  steps: StepGate;
}

const MAX_BODY_BYTES = 32 * 1024 * 1024;

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
  let name = options.scenario ?? 'chat';
  const settings: Settings = {
    pace,
    scenario: scenarioOrThrow(name, options.recordings),
    onEventWritten: options.onEventWritten,
    steps: new StepGate(),
  };

  const server = createServer((req, res) => {
    handle(req, res, { ...settings }).catch((error: unknown) => failed(res, error));
  });
  const listening = new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  let closing: Promise<void> | undefined;

  return {
    listening,
    get url() {
      const address = server.address() as AddressInfo | null;
      if (!address) throw new Error('the offline server is not listening yet');
      return `http://127.0.0.1:${address.port}`;
    },
    get scenario() {
      return name;
    },
    steps: settings.steps,
    get recording() {
      return settings.scenario.name === 'replay' ? (settings.scenario.cells[0] ?? null) : null;
    },
    setScenario(next) {
      settings.scenario = scenarioOrThrow(next, options.recordings);
      name = next;
    },
    close() {
      // Closed before it listened: the listen is awaited (and its failure no longer matters).
      closing ??= listening.then(
        () => closeServer(server),
        () => {},
      );
      return closing;
    },
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, settings: Settings): Promise<void> {
  const startedAt = performance.now();
  const requestId = uniqueId('req_offline_');
  const path = (req.url ?? '/').split('?')[0];
  if (req.method !== 'POST' || path !== '/v1/messages') {
    req.resume();
    return sendError(res, requestId, { type: 'not_found_error', message: 'Not Found' });
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
    return sendError(res, requestId, {
      type: 'request_too_large',
      message: 'Request exceeds the maximum size',
    });
  }
  const parsed = parseRequest(text);
  if (!parsed.ok) {
    return sendError(res, requestId, { type: 'invalid_request_error', message: parsed.message });
  }

  const { request } = parsed;
  if (settings.scenario.name === 'replay') {
    const { cells, inTurn, speed } = settings.scenario;
    const recording = inTurn ? cellForPrompt(cells, request) : cells[0];
    if (!request.stream || !recording) {
      const message = recording
        ? 'a replay answers streaming requests only'
        : `this replay has ${cells.length} recorded turns and this is prompt ${promptCount(request)}: /clear starts it over`;
      return sendError(res, requestId, { type: 'invalid_request_error', message });
    }
    const attempt = recordedAttempt(recording, attemptOf(req));
    return serveReplay(req, res, attempt, { speed, startedAt, steps: settings.steps });
  }
  const plan = planFor(settings.scenario, {
    request,
    attempt: attemptOf(req),
    retryAfterMs: retryAfterMs(settings.pace),
  });
  if (plan.kind === 'http_error') return sendError(res, requestId, plan.error, plan.headers);

  const answer = fitToMaxTokens(plan, request.maxTokens);
  const meta: ResponseMeta = {
    id: uniqueId('msg_offline_'),
    model: request.model,
    inputTokens: estimateInputTokens(request),
  };
  const schedule = createSchedule(settings.pace, seededRandom(hashString(requestId)));
  if (!request.stream) return answerWhole(res, { answer, meta, requestId, schedule, startedAt });

  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    'request-id': requestId,
  });
  res.flushHeaders();
  const ending = answer.interruption?.kind === 'drop' ? 'destroy' : 'end';
  await writeEvents(res, streamEvents(answer, meta), {
    schedule,
    startedAt,
    ending,
    onWritten: settings.onEventWritten,
    stepped: settings.steps.take(),
  });
}

function failed(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const message = `Internal server error: ${error instanceof Error ? error.message : String(error)}`;
  sendError(res, uniqueId('req_offline_'), { type: 'api_error', message });
}

/** The body as text, or null once it passes the size limit. */
async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The SDK numbers its attempts in this header, so "fail the first attempt" needs no server state. */
function attemptOf(req: IncomingMessage): number {
  const attempt = Number(req.headers['x-stainless-retry-count'] ?? 0);
  return Number.isInteger(attempt) && attempt > 0 ? attempt : 0;
}

function scenarioOrThrow(name: string, recordings: Recordings | undefined): Settings['scenario'] {
  if (name.startsWith(REPLAY_PREFIX)) {
    if (!recordings) throw new Error(`Replays need a state dir: "${name}"`);
    const spec = name.slice(REPLAY_PREFIX.length);
    const cells = recordings.cells(spec);
    return { name: 'replay', cells, inTurn: !spec.includes(':'), speed: recordings.speed };
  }
  const scenario = parseScenario(name);
  if (!scenario) throw new Error(`Unknown offline scenario "${name}"`);
  return scenario;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Keep-alive sockets and streams in flight would otherwise hold close() open until they end.
    server.closeAllConnections();
  });
}
