import type Anthropic from '@anthropic-ai/sdk';
import type { MessageCreateParamsBase } from '@anthropic-ai/sdk/resources/messages';
import { idleTimeoutOf } from './client-idle.js';
import { TurnRedactor } from './redact.js';
import { createResponseGuard } from './response-guard.js';
import { runHelper, runRaw } from './sdk-runs.js';
import { isParseError, toTurnError } from './turn-error.js';
import { TurnClock } from './turn-metrics.js';
import type {
  MessageParam,
  RetryWait,
  TurnError,
  TurnOutcome,
  TurnSettings,
  TurnStatus,
  TurnUpdate,
} from './types.js';
import { WireOrder } from './wire-order.js';
import { createWireTap } from './wire-tap.js';

export interface TurnRequest {
  client: Anthropic;
  /** The whole conversation, ending with the new user message. */
  messages: MessageParam[];
  settings: TurnSettings;
  /** Aborting stops the network read at once; the partial message is kept. */
  signal?: AbortSignal;
  /** No byte for this long ends the turn (default: the client's); 0 turns the limit off. */
  idleTimeoutMs?: number;
}

/** The request body of a turn, as both modes send it. */
export function requestParams(messages: MessageParam[], settings: TurnSettings): MessageCreateParamsBase {
  const params: MessageCreateParamsBase = { model: settings.model, max_tokens: settings.maxTokens, messages };
  if (settings.system) params.system = settings.system;
  // The SDK's types dropped the deprecated `temperature`; older models still take it, so it
  // is sent as given and any refusal comes back as the API's own error.
  if (settings.temperature !== undefined) Object.assign(params, { temperature: settings.temperature });
  if (settings.thinkingBudget !== undefined) {
    params.thinking = { type: 'enabled', budget_tokens: settings.thinkingBudget };
  }
  return params;
}

/**
 * One streaming request carrying the conversation so far, in either SDK mode. It hands its
 * consumer one ordered stream of updates, as they happen: the HTTP attempts, every event on
 * the wire, the deltas per block, and last an `end` that says how the turn ended. It never
 * rejects for API or stream failures; the outcome says what happened.
 */
export async function streamTurn(
  request: TurnRequest,
  onUpdate: (update: TurnUpdate) => void,
): Promise<TurnOutcome> {
  const { client, messages, settings, signal } = request;
  const clock = new TurnClock();
  const redactor = new TurnRedactor(client.apiKey);
  let shown: TurnOutcome | undefined;
  const send = (update: TurnUpdate) => {
    if (update.type === 'end') shown = update.outcome;
    onUpdate(update);
  };
  const emit = (update: TurnUpdate) => {
    clock.observe(update);
    redactor.pass(update, send);
  };
  const order = new WireOrder(emit);
  // Ends every read of the body when the turn ends, so the tap stops with the SDK.
  const turnOver = new AbortController();
  const turnSignal = signal ? AbortSignal.any([signal, turnOver.signal]) : turnOver.signal;

  let bodyDone: Promise<void> = Promise.resolve();
  let resolveBody = () => {};
  // The guard decides on a wait before the tap reports the response that asked for it.
  let retryWait: RetryWait | undefined;
  const wire = { stopped: false, errorEvent: false, endedCleanly: false };
  const tap = createWireTap(
    clock.now,
    {
      attempt: (attempt) => {
        bodyDone = new Promise((resolve) => {
          resolveBody = resolve;
        });
        emit({ type: 'attempt', attempt });
      },
      response: (attempt) => {
        emit({ type: 'response', attempt });
        if (retryWait) emit({ type: 'retry_wait', wait: retryWait });
        retryWait = undefined;
        const read = attempt.failure === undefined && attempt.status !== undefined && attempt.status < 300;
        if (!read) resolveBody();
      },
      event: (event) => {
        wire.stopped ||= event.event === 'message_stop';
        wire.errorEvent ||= event.event === 'error';
        order.wire(event);
      },
      bodyEnd: (failure) => {
        wire.endedCleanly = failure === undefined;
        resolveBody();
      },
    },
    redactor,
    { signal: turnSignal },
  );
  const guard = createResponseGuard({
    signal: turnSignal,
    idleTimeoutMs: request.idleTimeoutMs ?? idleTimeoutOf(client),
    maxRetries: client.maxRetries,
    onRetryWait: (wait) => {
      retryWait = wait;
    },
  });

  emit({ type: 'request', t: 0, model: settings.model, messages: messages.length });
  const params = requestParams(messages, settings);
  const run = settings.mode === 'helper' ? runHelper : runRaw;
  const result = await run(client, params, {
    // The tap reads the body the guard hands on as it passes to the SDK, so whatever ends the
    // guard's body ends the tap's, as does the SDK leaving it.
    options: { signal, middleware: [tap, guard] },
    emit: (after, update) => order.derived(after, update),
    take: (count) => order.take(count),
    now: clock.now,
  });
  turnOver.abort();
  await settled(bodyDone);

  const message = result.message;
  let status: TurnStatus = 'complete';
  let error: TurnError | undefined;
  const eventsSeen = order.takenCount;
  const incomplete = wire.endedCleanly && !wire.stopped && !wire.errorEvent;
  if (signal?.aborted) {
    status = 'interrupted';
  } else if (result.thrown !== undefined && isParseError(result.thrown)) {
    status = 'failed';
    error = toTurnError(result.thrown, { eventsSeen });
  } else if (incomplete || (result.thrown === undefined && !result.stopped)) {
    // The helper reports a stream that just stops as "no message"; the wire says what happened.
    status = 'failed';
    error = { kind: 'incomplete', message: `stream ended without message_stop after ${eventsSeen} events` };
  } else if (result.thrown !== undefined) {
    status = 'failed';
    error = toTurnError(result.thrown, { eventsSeen });
  }
  // Past an event the SDK stopped on, the tap read on alone: those events were not the turn's.
  order.finish(error?.kind === 'malformed' || error?.kind === 'stream_error');
  const outcome: TurnOutcome = {
    status,
    message,
    metrics: clock.metrics(message),
    ...(error ? { error } : {}),
  };
  emit({ type: 'end', outcome });
  // What went out, with the key taken out.
  return shown ?? outcome;
}

/**
 * Waits for the tap to finish its branch of the body, which the guard ends with the turn; the
 * bound is a backstop. The timer is not unref'd: print mode would exit 0 mid-turn on it.
 */
async function settled(bodyDone: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([bodyDone, new Promise((resolve) => (timer = setTimeout(resolve, 2000)))]);
  clearTimeout(timer);
}
