import type { IncomingMessage, ServerResponse } from 'node:http';
import { streamEvents } from './events.js';
import { sendError } from './json-response.js';
import type { ResponseMeta } from './message.js';
import { createSchedule, type Pace, retryAfterMs } from './pace.js';
import { fitToMaxTokens } from './plan.js';
import { hashString, seededRandom, uniqueId } from './random.js';
import { REPLAY_PREFIX, type Recording, type Recordings } from './recording.js';
import { cellForPrompt, promptCount, recordedAttempt, serveReplay } from './replay.js';
import { estimateInputTokens, type OfflineRequest } from './request.js';
import { SCENARIO_HEADER } from './request-scenario.js';
import { parseScenario, SCENARIOS, type Scenario } from './scenario-names.js';
import { planFor } from './scenarios.js';
import type { StepGate } from './step-gate.js';
import { writeEvents } from './stream-writer.js';
import { answerWhole } from './whole-answer.js';

/** What answers a request: a scenario, or a replay of one recorded cell or (inTurn) a session's cells, one per prompt. */
export type ServedScenario =
  | Scenario
  | { name: 'replay'; cells: Recording[]; inTurn: boolean; speed: number };

/** Everything a valid Messages request's answer depends on besides the request. */
export interface AnswerContext {
  scenario: ServedScenario;
  pace: Pace;
  steps: StepGate;
  /** performance.now() when the request arrived. */
  startedAt: number;
  requestId: string;
  onWritten: (event: string | null) => void;
}

/** Answers a valid Messages request as its scenario (or replay) says: streamed, whole, or an HTTP error. */
export async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  request: OfflineRequest,
  context: AnswerContext,
): Promise<void> {
  const { scenario, startedAt, requestId, onWritten } = context;
  if (scenario.name === 'replay') {
    const { cells, inTurn, speed } = scenario;
    const recording = inTurn ? cellForPrompt(cells, request) : cells[0];
    if (!request.stream || !recording) {
      const message = recording
        ? 'a replay answers streaming requests only'
        : `this replay has ${cells.length} recorded turns and this is prompt ${promptCount(request)}: a new conversation (/clear in the notebook) starts it over`;
      return sendError(res, requestId, { type: 'invalid_request_error', message });
    }
    const attempt = recordedAttempt(recording, attemptOf(req));
    return serveReplay(req, res, attempt, { speed, startedAt, steps: context.steps, onWritten });
  }
  const plan = planFor(scenario, {
    request,
    attempt: attemptOf(req),
    retryAfterMs: retryAfterMs(context.pace),
  });
  if (plan.kind === 'http_error') return sendError(res, requestId, plan.error, plan.headers);

  const answer = fitToMaxTokens(plan, request.maxTokens);
  const meta: ResponseMeta = {
    id: uniqueId('msg_offline_'),
    model: request.model,
    inputTokens: estimateInputTokens(request),
  };
  const schedule = createSchedule(context.pace, seededRandom(hashString(requestId)));
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
    onWritten,
    stepped: context.steps.take(),
  });
}

/** A 400's message for a scenario no one knows, with the names that would work. */
export function unknownScenario(name: string, from: 'header' | 'prompt' | null): string {
  const where = from === 'header' ? `the ${SCENARIO_HEADER} header` : 'the prompt prefix [scenario:NAME]';
  const names = SCENARIOS.map((s) => (s.name === 'long' ? 'long, long:N' : s.name)).join(', ');
  return `unknown scenario '${name}' in ${where}; the scenarios are ${names}, and replay:ID[:N]`;
}

/** The SDK numbers its attempts in this header, so "fail the first attempt" needs no server state. */
function attemptOf(req: IncomingMessage): number {
  const attempt = Number(req.headers['x-stainless-retry-count'] ?? 0);
  return Number.isInteger(attempt) && attempt > 0 ? attempt : 0;
}

/**
 * The scenario a name stands for; throws on an unknown name, and RecordingError on a replay
 * (`replay:ID:N`) that can't be loaded.
 */
export function servedScenario(name: string, recordings: Recordings | undefined): ServedScenario {
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
