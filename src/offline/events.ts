import { blockAtStart, messageDelta, messageShell, type ResponseMeta } from './message.js';
import type { Interruption, MessagePlan, PlannedBlock, WireObject } from './plan.js';
import type { SseEvent } from './sse.js';
import { jsonChunks } from './tokens.js';

// The API's ping is the one event whose JSON has a space after the colon; keep it byte-exact.
const PING: SseEvent = { event: 'ping', data: '{"type": "ping"}' };
const EVENTS_BETWEEN_PINGS = 100;

/** The events of one streamed response, in wire order, lazily so a 20,000-delta reply costs nothing up front. */
export function streamEvents(plan: MessagePlan, meta: ResponseMeta): Iterable<SseEvent> {
  return interrupted(withPings(planEvents(plan, meta)), plan.interruption);
}

function* planEvents(plan: MessagePlan, meta: ResponseMeta): Generator<SseEvent> {
  yield { event: 'message_start', data: { type: 'message_start', message: messageShell(meta) } };
  for (const [index, block] of plan.content.entries()) {
    const content_block = blockAtStart(block);
    yield { event: 'content_block_start', data: { type: 'content_block_start', index, content_block } };
    for (const delta of deltasOf(block)) {
      yield { event: 'content_block_delta', data: { type: 'content_block_delta', index, delta } };
    }
    yield { event: 'content_block_stop', data: { type: 'content_block_stop', index } };
    for (const extra of plan.extraEvents ?? []) {
      if (extra.afterBlock === index) yield { event: extra.event, data: extra.data };
    }
  }
  yield { event: 'message_delta', data: messageDelta(plan) };
  yield { event: 'message_stop', data: { type: 'message_stop' } };
}

function* deltasOf(block: PlannedBlock): Generator<WireObject> {
  switch (block.kind) {
    case 'text':
      // Cited text arrives as the API sends it: the citations first, then the words they support.
      for (const citation of block.citations ?? []) yield { type: 'citations_delta', citation };
      for (const text of block.pieces) yield { type: 'text_delta', text };
      return;
    case 'thinking':
      for (const thinking of block.pieces) yield { type: 'thinking_delta', thinking };
      yield { type: 'signature_delta', signature: block.signature };
      return;
    case 'tool_use':
      for (const partial_json of jsonChunks(JSON.stringify(block.input))) {
        yield { type: 'input_json_delta', partial_json };
      }
      return;
    case 'whole':
      yield* block.deltas ?? [];
      return;
    default: {
      const unreachable: never = block;
      throw new Error(`unknown block ${JSON.stringify(unreachable)}`);
    }
  }
}

function* withPings(events: Iterable<SseEvent>): Generator<SseEvent> {
  let sincePing: number | null = null;
  for (const event of events) {
    yield event;
    if (sincePing === null) {
      if (event.event === 'content_block_start') {
        yield PING;
        sincePing = 0;
      }
    } else if (++sincePing >= EVENTS_BETWEEN_PINGS && event.event !== 'message_stop') {
      yield PING;
      sincePing = 0;
    }
  }
}

function* interrupted(
  events: Iterable<SseEvent>,
  interruption: Interruption | undefined,
): Generator<SseEvent> {
  if (!interruption) return yield* events;
  let deltas = 0;
  let sent = 0;
  switch (interruption.kind) {
    case 'error_event':
      for (const event of events) {
        if (event.event === 'message_delta') break;
        yield event;
        if (event.event === 'content_block_delta' && ++deltas >= interruption.afterDeltas) break;
      }
      yield { event: 'error', data: { type: 'error', error: interruption.error } };
      return;
    case 'malformed':
      for (const event of events) {
        const isTarget = event.event === 'content_block_delta' && ++deltas === interruption.atDelta;
        // Cutting the tail off leaves unbalanced braces, so the line can never parse.
        yield isTarget ? { event: event.event, data: JSON.stringify(event.data).slice(0, -12) } : event;
      }
      return;
    case 'no_stop':
      for (const event of events) if (event.event !== 'message_stop') yield event;
      return;
    case 'drop':
      // The writer destroys the socket after these; message_stop never makes it, however short the reply.
      for (const event of events) {
        if (event.event === 'message_stop' || ++sent > interruption.afterEvents) return;
        yield event;
      }
      return;
    default: {
      const unreachable: never = interruption;
      throw new Error(`unknown interruption ${JSON.stringify(unreachable)}`);
    }
  }
}
