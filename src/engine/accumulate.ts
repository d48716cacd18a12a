import { partialParse } from '@anthropic-ai/sdk/_vendor/partial-json-parser/parser';
import type { ContentBlock, Message, RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';

/** A stream event as it may arrive: one the SDK knows, or a type from a newer API. */
export type StreamEvent = RawMessageStreamEvent | { type: string; [key: string]: unknown };

/** Thrown when events arrive in an order no message can be built from. */
export class EventOrderError extends Error {}

/** Thrown for an event whose shape no message can take: data that is no object, a bad index. */
export class MalformedEventError extends Error {}

/**
 * Checks what the accumulator and the store trust about an event: it is an object, and a
 * block event's `index` is a block number. An index such as `"__proto__"` would otherwise
 * reach `content[index] = …` and break the message for everything that reads it later.
 */
export function checkEventShape(event: unknown): asserts event is StreamEvent {
  if (!isObject(event)) throw new MalformedEventError(`event data is ${kindOf(event)}, not an object`);
  const { type } = event;
  if (typeof type !== 'string') throw new MalformedEventError('event data has no type');
  const index = event.index;
  if (type.startsWith('content_block_') && !(Number.isSafeInteger(index) && (index as number) >= 0)) {
    const shown = String(JSON.stringify(index) ?? index).slice(0, 40);
    throw new MalformedEventError(`${type} has index ${shown}, not a block number`);
  }
  const part = OBJECT_PARTS.get(type);
  if (part && !isObject(event[part])) {
    throw new MalformedEventError(`${type} has ${part} ${kindOf(event[part])}, not an object`);
  }
  if (type === 'message_delta' && !isObject(event.usage))
    throw new MalformedEventError(`message_delta has usage ${kindOf(event.usage)}, not an object`);
  if (type === 'message_start' && !Array.isArray((event.message as { content?: unknown }).content))
    throw new MalformedEventError('message_start has a message without a content list');
}

/** The part of each known event that the accumulator reads fields of. */
const OBJECT_PARTS = new Map([
  ['message_start', 'message'],
  ['message_delta', 'delta'],
  ['content_block_start', 'content_block'],
  ['content_block_delta', 'delta'],
]);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;
}

// Where the raw input JSON of a tool block lives while it streams; not enumerable, so it
// stays out of equality checks and JSON, as the SDK keeps it.
const JSON_BUFFER = Symbol('inputJson');

type ToolInputBlock = ContentBlock & { input: unknown; [JSON_BUFFER]?: string };

/**
 * The raw-mode accumulator: `(message, event) → message`. It builds the same message as the
 * SDK's MessageStream does, for every event and block type, and keeps what it does not know:
 * unknown event types leave the message as it is, unknown blocks are kept as they started,
 * and unknown deltas change nothing. Changed parts are copied, never mutated in place.
 */
export function accumulate(message: Message | null, event: StreamEvent): Message | null {
  checkEventShape(event);
  const known = event as RawMessageStreamEvent;
  if (known.type === 'message_start') {
    if (message)
      throw new EventOrderError('message_start arrived before message_stop of the previous message');
    return known.message;
  }
  if (!message) return null;
  switch (known.type) {
    case 'message_delta':
      return applyMessageDelta(message, known);
    case 'content_block_start':
      return { ...message, content: [...message.content, { ...known.content_block }] };
    case 'content_block_delta':
      return withBlock(message, known.index, applyBlockDelta(message.content.at(known.index), known.delta));
    case 'content_block_stop':
      return withBlock(message, known.index, settleInput(message.content.at(known.index)));
    case 'message_stop':
      return message;
    default:
      return keepUnknownEvent(message, known);
  }
}

function keepUnknownEvent(message: Message, _event: never): Message {
  return message;
}

function applyMessageDelta(
  message: Message,
  event: Extract<RawMessageStreamEvent, { type: 'message_delta' }>,
) {
  const next: Message = {
    ...message,
    stop_reason: event.delta.stop_reason,
    stop_sequence: event.delta.stop_sequence,
    stop_details: event.delta.stop_details,
    usage: { ...message.usage, output_tokens: event.usage.output_tokens },
  };
  if (event.delta.container != null) next.container = event.delta.container;
  // The other counters are cumulative totals, sent only when they apply: overwrite, never add.
  const { input_tokens, cache_creation_input_tokens, cache_read_input_tokens, server_tool_use } = event.usage;
  if (input_tokens != null) next.usage.input_tokens = input_tokens;
  if (cache_creation_input_tokens != null)
    next.usage.cache_creation_input_tokens = cache_creation_input_tokens;
  if (cache_read_input_tokens != null) next.usage.cache_read_input_tokens = cache_read_input_tokens;
  if (server_tool_use != null) next.usage.server_tool_use = server_tool_use;
  if (event.usage.output_tokens_details != null)
    next.usage.output_tokens_details = event.usage.output_tokens_details;
  return next;
}

type Delta = Extract<RawMessageStreamEvent, { type: 'content_block_delta' }>['delta'];

function applyBlockDelta(block: ContentBlock | undefined, delta: Delta): ContentBlock | undefined {
  if (!block) return block;
  switch (delta.type) {
    case 'text_delta':
      return block.type === 'text' ? { ...block, text: (block.text || '') + delta.text } : block;
    case 'citations_delta':
      return block.type === 'text'
        ? { ...block, citations: [...(block.citations ?? []), delta.citation] }
        : block;
    case 'input_json_delta':
      return tracksInput(block)
        ? withInputJson(block, (block[JSON_BUFFER] ?? '') + delta.partial_json)
        : block;
    case 'thinking_delta':
      return block.type === 'thinking' ? { ...block, thinking: block.thinking + delta.thinking } : block;
    case 'signature_delta':
      return block.type === 'thinking' ? { ...block, signature: delta.signature } : block;
    default:
      return keepUnknownDelta(block, delta);
  }
}

function keepUnknownDelta(block: ContentBlock, _delta: never): ContentBlock {
  return block;
}

function tracksInput(block: ContentBlock): block is ToolInputBlock {
  return block.type === 'tool_use' || block.type === 'server_tool_use';
}

/**
 * Parsing partial JSON on every delta would cost O(n²) over a long input, so `input` is
 * parsed when first read, as the SDK does; it moves to the end of the keys, as in the SDK.
 */
function withInputJson(block: ToolInputBlock, json: string): ToolInputBlock {
  // Copy key by key: destructuring would read, and so parse, the stale lazy input.
  const next = {} as Record<string, unknown>;
  for (const key of Object.keys(block)) {
    if (key !== 'input') next[key] = (block as unknown as Record<string, unknown>)[key];
  }
  Object.defineProperty(next, JSON_BUFFER, { value: json, enumerable: false });
  let parsed: { value: unknown } | undefined;
  Object.defineProperty(next, 'input', {
    enumerable: true,
    configurable: true,
    get() {
      parsed ??= { value: json ? partialParse(json) : {} };
      return parsed.value;
    },
  });
  return next as unknown as ToolInputBlock;
}

/** At content_block_stop the input is final: make it a plain property, as the SDK does. */
function settleInput(block: ContentBlock | undefined): ContentBlock | undefined {
  if (!block || !tracksInput(block) || block[JSON_BUFFER] === undefined) return block;
  const input = block.input;
  const { input: _lazy, ...rest } = block;
  return { ...rest, input } as ContentBlock;
}

function withBlock(message: Message, index: number, block: ContentBlock | undefined): Message {
  if (!block || message.content[index] === block) return message;
  const content = [...message.content];
  content[index] = block;
  return { ...message, content };
}
