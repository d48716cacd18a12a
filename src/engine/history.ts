import type { ContentBlockParam, MessageParam } from '@anthropic-ai/sdk/resources/messages';
import type { TurnOutcome } from './types.js';

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
 * them back). An interrupted or failed reply keeps only its non-empty text: partial
 * thinking has no signature and a partial tool_use has no result, and the API would reject
 * both. A turn with no usable text leaves the history as it was, so the next request is
 * valid; its cell still shows what happened.
 */
export function afterTurn(request: readonly MessageParam[], outcome: TurnOutcome): MessageParam[] {
  const history = request.slice(0, -1);
  const user = request.at(-1);
  if (!user) return history;
  const content = outcome.message?.content ?? [];
  if (outcome.status === 'complete') {
    // An empty reply cannot be sent back; consecutive user turns are valid and merged by the API.
    return content.length > 0
      ? [...history, user, { role: 'assistant', content: content as ContentBlockParam[] }]
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
