import type Anthropic from '@anthropic-ai/sdk';
import type { Middleware } from '@anthropic-ai/sdk';
import type { MessageCreateParamsBase } from '@anthropic-ai/sdk/resources/messages';
import { accumulate, checkEventShape, type StreamEvent } from './accumulate.js';
import type { Message, TurnUpdate } from './types.js';

/** How one SDK run ended: the message so far, and what it threw, if anything. */
export interface RunResult {
  message: Message | null;
  /** True once message_stop arrived. */
  stopped: boolean;
  thrown?: unknown;
}

export interface RunContext {
  options: { signal: AbortSignal | undefined; middleware: Middleware[] };
  /** Emits an update the SDK derived from its `n`th event. */
  emit: (sdkEvents: number, update: TurnUpdate) => void;
  /** The SDK has taken its `n`th event (parsed it, and it fit the message). */
  take: (sdkEvents: number) => void;
  now: () => number;
}

export type SdkRun = (
  client: Anthropic,
  params: MessageCreateParamsBase,
  context: RunContext,
) => Promise<RunResult>;

/** The second seed: the SDK's helper, its text events, and finalMessage(). */
export async function runHelper(
  client: Anthropic,
  params: MessageCreateParamsBase,
  { options, emit, take, now: t }: RunContext,
): Promise<RunResult> {
  const stream = client.messages.stream(params, options);
  let count = 0;
  let index = 0;
  let snapshot: Message | null = null;
  let stopped = false;
  stream.on('streamEvent', (event, current) => {
    // Thrown here, the SDK ends the stream with it, as for its own parse errors.
    checkEventShape(event);
    count++;
    take(count);
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
    return {
      message: intact(snapshot),
      stopped,
      thrown: isAbort(thrown, options.signal) ? undefined : thrown,
    };
  }
}

/**
 * The SDK's snapshot, mutated in place by its accumulator, with its content a true array
 * again: an event it failed on (an index of "__proto__") may have swapped the array's prototype.
 */
function intact(message: Message | null): Message | null {
  return message && { ...message, content: Array.prototype.slice.call(message.content) };
}

/** The first seed: `create({stream: true})`, iterated event by event into our own accumulator. */
export async function runRaw(
  client: Anthropic,
  params: MessageCreateParamsBase,
  { options, emit, take, now }: RunContext,
): Promise<RunResult> {
  let message: Message | null = null;
  let count = 0;
  let stopped = false;
  try {
    const stream = await client.messages.create({ ...params, stream: true }, options);
    for await (const event of stream as AsyncIterable<StreamEvent>) {
      count++;
      message = accumulate(message, event);
      take(count);
      const update = blockBoundary(event) ?? deltaUpdate(event, now());
      if (update) emit(count, update);
      if (event.type === 'message_stop') stopped = true;
    }
    return { message, stopped };
  } catch (thrown) {
    return { message, stopped, thrown: isAbort(thrown, options.signal) ? undefined : thrown };
  }
}

export function blockBoundary(event: StreamEvent): TurnUpdate | undefined {
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

export function deltaUpdate(event: StreamEvent, t: number): TurnUpdate | undefined {
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
