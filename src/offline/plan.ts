import type { RefusalStopDetails, StopReason, TextCitation } from '@anthropic-ai/sdk/resources/messages';
import type { ApiError } from './errors.js';
import { estimateTokens } from './tokens.js';

export type WireObject = { type: string } & Record<string, unknown>;

/** A content block as a plan holds it: text and thinking already cut into the deltas they stream as. */
export type PlannedBlock =
  | { kind: 'text'; pieces: readonly string[]; citations?: readonly TextCitation[] }
  | { kind: 'thinking'; pieces: readonly string[]; signature: string }
  | {
      kind: 'tool_use';
      type: 'tool_use' | 'server_tool_use';
      id: string;
      name: string;
      input: Record<string, unknown>;
    }
  /**
   * A block that arrives complete in content_block_start (web_search_tool_result, redacted_thinking,
   * or a type from the future). `deltas` are sent on it but change nothing the SDK can know about.
   */
  | { kind: 'whole'; block: WireObject; deltas?: readonly WireObject[] };

/** How a streamed response goes wrong, if it does. */
export type Interruption =
  | { kind: 'error_event'; afterDeltas: number; error: ApiError }
  | { kind: 'drop'; afterEvents: number }
  | { kind: 'no_stop' }
  | { kind: 'malformed'; atDelta: number };

export interface MessagePlan {
  kind: 'message';
  content: readonly PlannedBlock[];
  stopReason: StopReason;
  stopDetails?: RefusalStopDetails | undefined;
  serverToolUse?: { web_search_requests: number };
  /** Events of types no SDK knows, each sent right after the block with this index stops. */
  extraEvents?: readonly { afterBlock: number; event: string; data: WireObject }[];
  interruption?: Interruption;
}

export interface ErrorPlan {
  kind: 'http_error';
  error: ApiError;
  headers?: Record<string, string>;
}

/** What the server will answer to one request. */
export type Plan = MessagePlan | ErrorPlan;

export function blockTokens(block: PlannedBlock): number {
  switch (block.kind) {
    case 'text':
    case 'thinking':
      return block.pieces.length;
    case 'tool_use':
      return estimateTokens(JSON.stringify(block.input));
    case 'whole':
      // Tool results are written by the server, not the model, so they cost no output tokens.
      return 0;
    default: {
      const unreachable: never = block;
      throw new Error(`unknown block ${JSON.stringify(unreachable)}`);
    }
  }
}

export function outputTokens(plan: MessagePlan): number {
  // The API never reports zero output tokens, even for an empty reply.
  return Math.max(
    1,
    plan.content.reduce((sum, block) => sum + blockTokens(block), 0),
  );
}

/** Cuts the reply where max_tokens runs out, as the API does, and then stops with max_tokens. */
export function fitToMaxTokens(plan: MessagePlan, maxTokens: number): MessagePlan {
  let left = maxTokens;
  const content: PlannedBlock[] = [];
  for (const block of plan.content) {
    const cost = blockTokens(block);
    if (cost <= left) {
      content.push(block);
      left -= cost;
      continue;
    }
    if ((block.kind === 'text' || block.kind === 'thinking') && left > 0) {
      content.push({ ...block, pieces: block.pieces.slice(0, left) });
    }
    return { ...plan, content, stopReason: 'max_tokens', stopDetails: undefined };
  }
  return plan;
}
