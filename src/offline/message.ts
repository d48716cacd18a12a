import { type MessagePlan, outputTokens, type PlannedBlock, type WireObject } from './plan.js';

/** What one response knows about itself besides its plan. */
export interface ResponseMeta {
  id: string;
  model: string;
  inputTokens: number;
}

/** The message in message_start: empty, with stop_reason null and output_tokens 1, as the API sends it. */
export function messageShell(meta: ResponseMeta) {
  return {
    model: meta.model,
    id: meta.id,
    type: 'message',
    role: 'assistant',
    content: [] as WireObject[],
    stop_reason: null as string | null,
    stop_sequence: null,
    usage: {
      input_tokens: meta.inputTokens,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
      output_tokens: 1,
      service_tier: 'standard',
      inference_geo: 'global',
    },
  };
}

/** The data of message_delta; the final message is the shell with these applied. */
export function messageDelta(plan: MessagePlan) {
  return {
    type: 'message_delta',
    delta: { stop_reason: plan.stopReason, stop_sequence: null, stop_details: plan.stopDetails ?? null },
    usage: {
      output_tokens: outputTokens(plan),
      ...(plan.serverToolUse ? { server_tool_use: plan.serverToolUse } : {}),
    },
  } as const;
}

/** The whole Message, as a `stream: false` request gets it. */
export function finalMessage(plan: MessagePlan, meta: ResponseMeta) {
  const shell = messageShell(meta);
  const { delta, usage } = messageDelta(plan);
  return {
    ...shell,
    content: plan.content.map(blockAtEnd),
    ...delta,
    usage: { ...shell.usage, ...usage },
  };
}

/** The content_block in content_block_start: the block before any of its deltas. */
export function blockAtStart(block: PlannedBlock): WireObject {
  switch (block.kind) {
    case 'text':
      // Only blocks that will carry citations start with an empty list of them.
      return block.citations ? { type: 'text', text: '', citations: [] } : { type: 'text', text: '' };
    case 'thinking':
      return { type: 'thinking', thinking: '', signature: '' };
    case 'tool_use':
      return { type: block.type, id: block.id, name: block.name, input: {} };
    case 'whole':
      return block.block;
    default: {
      const unreachable: never = block;
      throw new Error(`unknown block ${JSON.stringify(unreachable)}`);
    }
  }
}

/** The block once all its deltas are applied. */
export function blockAtEnd(block: PlannedBlock): WireObject {
  switch (block.kind) {
    case 'text':
      return {
        type: 'text',
        text: block.pieces.join(''),
        ...(block.citations ? { citations: [...block.citations] } : {}),
      };
    case 'thinking':
      return { type: 'thinking', thinking: block.pieces.join(''), signature: block.signature };
    case 'tool_use':
      return { type: block.type, id: block.id, name: block.name, input: block.input };
    case 'whole':
      return block.block;
    default: {
      const unreachable: never = block;
      throw new Error(`unknown block ${JSON.stringify(unreachable)}`);
    }
  }
}
