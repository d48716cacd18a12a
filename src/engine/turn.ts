import type Anthropic from '@anthropic-ai/sdk';
import type { Middleware } from '@anthropic-ai/sdk';
import type { MessageCreateParamsBase } from '@anthropic-ai/sdk/resources/messages';
import { accumulate, type StreamEvent } from './accumulate.js';
import { TurnRedactor } from './redact.js';
import { isParseError, toTurnError } from './turn-error.js';
import { TurnClock } from './turn-metrics.js';
import type {
  Message,
  MessageParam,
  TurnError,
  TurnOutcome,
  TurnSettings,
  TurnStatus,
  TurnUpdate,
} from './types.js';
import { UpdateQueue } from './update-queue.js';
import { createWireTap } from './wire-tap.js';

export interface TurnRequest {
  client: Anthropic;
  /** The whole conversation, ending with the new user message. */
  messages: MessageParam[];
  settings: TurnSettings;
  /** Aborting stops the network read at once; the partial message is kept. */
  signal?: AbortSignal;
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

type Emit = (update: TurnUpdate) => void;
/** Emits an update that the SDK derived from its `n`th event, once the wire has shown that event. */
type EmitDerived = (sdkEvents: number, update: TurnUpdate) => void;

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
  const emit: Emit = (update) => {
    clock.observe(update);
    redactor.pass(update, send);
  };

  // The SDK parses the same bytes the tap reads, on another branch of the body; holding its
  // updates until the wire has shown the event keeps the timeline ahead of the text.
  let wireEvents = 0;
  const held: Array<{ after: number; update: TurnUpdate }> = [];
  const release = (all = false) => {
    while (held.length > 0 && (all || (held[0]?.after ?? 0) <= wireEvents))
      emit((held.shift() as { update: TurnUpdate }).update);
  };
  const emitDerived: EmitDerived = (after, update) => {
    held.push({ after, update });
    release();
  };

  let bodyDone: Promise<void> = Promise.resolve();
  let resolveBody = () => {};
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
        if (attempt.status === undefined || attempt.status >= 300) resolveBody();
      },
      event: (event) => {
        if (carriesSdkEvent(event.event, event.data)) wireEvents++;
        wire.stopped ||= event.event === 'message_stop';
        wire.errorEvent ||= event.event === 'error';
        emit({ type: 'wire', event });
        release();
      },
      bodyEnd: (failure) => {
        wire.endedCleanly = failure === undefined;
        resolveBody();
      },
    },
    redactor.event,
  );

  emit({ type: 'request', t: 0, model: settings.model, messages: messages.length });
  const params = requestParams(messages, settings);
  const run = settings.mode === 'helper' ? runHelper : runRaw;
  const result = await run(client, params, {
    options: { signal, middleware: [tap] },
    emit: emitDerived,
    now: clock.now,
  });

  // The tap reads its own branch of the body; let it finish so the timeline is whole.
  await Promise.race([bodyDone, delay(2000)]);
  release(true);

  const message = result.message;
  let status: TurnStatus = 'complete';
  let error: TurnError | undefined;
  const incomplete = wire.endedCleanly && !wire.stopped && !wire.errorEvent;
  if (signal?.aborted) {
    status = 'interrupted';
  } else if (result.thrown !== undefined && isParseError(result.thrown)) {
    status = 'failed';
    error = toTurnError(result.thrown, { eventsSeen: wireEvents });
  } else if (incomplete || (result.thrown === undefined && !result.stopped)) {
    // The helper reports a stream that just stops as "no message"; the wire says what happened.
    status = 'failed';
    error = { kind: 'incomplete', message: `stream ended without message_stop after ${wireEvents} events` };
  } else if (result.thrown !== undefined) {
    status = 'failed';
    error = toTurnError(result.thrown, { eventsSeen: wireEvents });
  }
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
 * The same turn as an async iterable, for consumers that pull. Each update costs a trip
 * through the queue, so the notebook and print mode use `streamTurn` directly.
 */
export function runTurn(request: TurnRequest): AsyncIterable<TurnUpdate> {
  const queue = new UpdateQueue<TurnUpdate>();
  void streamTurn(request, (update) => queue.push(update)).then(() => queue.close());
  return queue;
}

/** The SDK's iterators skip pings, unnamed events, `error` (which they throw) and empty data. */
function carriesSdkEvent(name: string | null, data: unknown): boolean {
  return name !== null && name !== 'ping' && name !== 'error' && data !== '';
}

interface RunResult {
  message: Message | null;
  /** True once message_stop arrived. */
  stopped: boolean;
  thrown?: unknown;
}

interface RunContext {
  options: { signal: AbortSignal | undefined; middleware: Middleware[] };
  emit: EmitDerived;
  now: () => number;
}

/** The second seed: the SDK's helper, its text events, and finalMessage(). */
async function runHelper(
  client: Anthropic,
  params: MessageCreateParamsBase,
  { options, emit, now: t }: RunContext,
): Promise<RunResult> {
  const stream = client.messages.stream(params, options);
  let count = 0;
  let index = 0;
  let snapshot: Message | null = null;
  let stopped = false;
  stream.on('streamEvent', (event, current) => {
    count++;
    snapshot = current;
    if ('index' in event) index = event.index;
    const update = blockBoundary(event);
    if (update) emit(count, update);
    if (event.type === 'message_stop') stopped = true;
  });
  stream.on('text', (text) => emit(count, { type: 'text', index, text, t: t() }));
  stream.on('thinking', (text) => emit(count, { type: 'thinking', index, text, t: t() }));
  stream.on('inputJson', (partialJson) => emit(count, { type: 'input_json', index, partialJson, t: t() }));
  stream.on('citation', (citation) => emit(count, { type: 'citation', index, citation }));
  try {
    return { message: await stream.finalMessage(), stopped };
  } catch (thrown) {
    return { message: snapshot, stopped, thrown: isAbort(thrown, options.signal) ? undefined : thrown };
  }
}

/** The first seed: `create({stream: true})`, iterated event by event into our own accumulator. */
async function runRaw(
  client: Anthropic,
  params: MessageCreateParamsBase,
  { options, emit, now }: RunContext,
): Promise<RunResult> {
  let message: Message | null = null;
  let count = 0;
  let stopped = false;
  try {
    const stream = await client.messages.create({ ...params, stream: true }, options);
    for await (const event of stream as AsyncIterable<StreamEvent>) {
      count++;
      message = accumulate(message, event);
      const update = blockBoundary(event) ?? deltaUpdate(event, now());
      if (update) emit(count, update);
      if (event.type === 'message_stop') stopped = true;
    }
    return { message, stopped };
  } catch (thrown) {
    return { message, stopped, thrown: isAbort(thrown, options.signal) ? undefined : thrown };
  }
}

function blockBoundary(event: StreamEvent): TurnUpdate | undefined {
  if (event.type === 'content_block_start' && 'content_block' in event) {
    return {
      type: 'block_start',
      index: event.index as number,
      block: { ...(event.content_block as { type: string }) },
    };
  }
  if (event.type === 'content_block_stop' && 'index' in event)
    return { type: 'block_stop', index: event.index as number };
  return undefined;
}

function deltaUpdate(event: StreamEvent, t: number): TurnUpdate | undefined {
  if (event.type !== 'content_block_delta' || !('delta' in event)) return undefined;
  const index = event.index as number;
  const delta = event.delta as { type: string } & Record<string, unknown>;
  switch (delta.type) {
    case 'text_delta':
      return { type: 'text', index, text: delta.text as string, t };
    case 'thinking_delta':
      return { type: 'thinking', index, text: delta.thinking as string, t };
    case 'input_json_delta':
      return { type: 'input_json', index, partialJson: delta.partial_json as string, t };
    case 'citations_delta':
      return { type: 'citation', index, citation: delta.citation };
    default:
      return undefined;
  }
}

function isAbort(thrown: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (thrown instanceof Error && thrown.name === 'APIUserAbortError');
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
