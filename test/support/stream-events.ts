import type { Message } from '../../src/engine/types.js';

/** The empty assistant message a stream's message_start carries. */
export function emptyMessage(id = 'msg_test', inputTokens = 5): Message {
  return {
    id,
    type: 'message',
    role: 'assistant',
    model: 'claude-sonnet-4-6',
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage: { input_tokens: inputTokens, output_tokens: 1 },
  } as unknown as Message;
}

/** A message_start event, in the shape scripted servers send (`event` and `data`). */
export function messageStart(id = 'msg_test', inputTokens = 5) {
  return { event: 'message_start', data: { type: 'message_start', message: emptyMessage(id, inputTokens) } };
}

/** The message_delta and message_stop that close a stream. */
export function messageEnd(stopReason: string, outputTokens: number) {
  return [
    {
      event: 'message_delta',
      data: {
        type: 'message_delta',
        delta: { stop_reason: stopReason, stop_sequence: null },
        usage: { output_tokens: outputTokens },
      },
    },
    { event: 'message_stop', data: { type: 'message_stop' } },
  ];
}
