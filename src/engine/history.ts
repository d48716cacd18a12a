import type { ContentBlockParam, MessageParam } from '@anthropic-ai/sdk/resources/messages';
import type { TurnOutcome } from './types.js';

/**
 * The block types a request may carry, from the SDK's ContentBlockParam union: the compiler
 * requires every member and refuses any other, so an SDK update that adds one shows up here.
 */
const SENDABLE: Record<ContentBlockParam['type'], true> = {
  text: true,
  image: true,
  document: true,
  search_result: true,
  thinking: true,
  redacted_thinking: true,
  tool_use: true,
  tool_result: true,
  server_tool_use: true,
  web_search_tool_result: true,
  web_fetch_tool_result: true,
  code_execution_tool_result: true,
  bash_code_execution_tool_result: true,
  text_editor_code_execution_tool_result: true,
  tool_search_tool_result: true,
  container_upload: true,
};

/**
 * Whether a reply's block may go back in the history. The API rejects block types it does not
 * know, so a block from a newer API (or a hostile server) stays in its cell only.
 */
export function isSendable(type: string): boolean {
  return Object.hasOwn(SENDABLE, type);
}

/** What a tool_result says when the model asked for a tool: streambook runs none. */
export const NO_TOOL_RESULT = 'streambook does not run tools; no result is available.';

/**
 * The request for a new prompt: the conversation so far plus the user message. After a turn
 * that asked for tools, the API rejects a user message without a tool_result for each
 * tool_use, so those come first, marked as errors.
 */
export function withPrompt(history: readonly MessageParam[], prompt: string): MessageParam[] {
  const last = history.at(-1);
  const toolUses =
    last?.role === 'assistant' && Array.isArray(last.content)
      ? last.content.filter((block) => block.type === 'tool_use')
      : [];
  if (toolUses.length === 0) return [...history, { role: 'user', content: prompt }];
  const results: ContentBlockParam[] = toolUses.map((block) => ({
    type: 'tool_result',
    tool_use_id: (block as { id: string }).id,
    is_error: true,
    content: NO_TOOL_RESULT,
  }));
  return [...history, { role: 'user', content: [...results, { type: 'text', text: prompt }] }];
}

/**
 * The conversation after a turn, as the seeds' add_user_message and add_assistant_message
 * keep it. A complete reply is kept whole (thinking signatures and all, as the API wants
 * them back), less the blocks of types a request may not carry. An interrupted or failed
 * reply keeps only its non-empty text: partial thinking has no signature and a partial
 * tool_use has no result, and the API would reject both. A turn with no usable text leaves
 * the history as it was, so the next request is valid; its cell still shows what happened.
 */
export function afterTurn(
  request: readonly MessageParam[],
  outcome: Pick<TurnOutcome, 'status' | 'message'>,
): MessageParam[] {
  const history = request.slice(0, -1);
  const user = request.at(-1);
  if (!user) return history;
  const content = outcome.message?.content ?? [];
  if (outcome.status === 'complete') {
    const sendable = content.filter((block) => isSendable(block.type)) as ContentBlockParam[];
    // An empty reply cannot be sent back; consecutive user turns are valid and merged by the API.
    return sendable.length > 0
      ? [...history, user, { role: 'assistant', content: sendable }]
      : [...history, user];
  }
  const text: ContentBlockParam[] = [];
  for (const block of content) {
    if (block.type !== 'text') continue;
    const kept = block.text.trimEnd();
    if (kept) text.push({ type: 'text', text: kept });
  }
  return text.length > 0 ? [...history, user, { role: 'assistant', content: text }] : history;
}
