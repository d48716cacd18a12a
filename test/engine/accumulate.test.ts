import { describe, expect, it } from 'vitest';
import { accumulate, EventOrderError, type StreamEvent } from '../../src/engine/accumulate.js';
import type { Message } from '../../src/engine/types.js';
import { emptyMessage } from '../support/stream-events.js';

const start: StreamEvent = { type: 'message_start', message: emptyMessage('msg_1') };
const toolStart: StreamEvent = {
  type: 'content_block_start',
  index: 0,
  content_block: { type: 'tool_use', id: 't1', name: 'f', input: {} },
};
const toolInput = (partial_json: string): StreamEvent => ({
  type: 'content_block_delta',
  index: 0,
  delta: { type: 'input_json_delta', partial_json },
});

function run(events: StreamEvent[]): Message | null {
  return events.reduce<Message | null>((message, event) => accumulate(message, event), null);
}

describe('accumulate', () => {
  it('ignores events before message_start', () => {
    expect(accumulate(null, { type: 'content_block_stop', index: 0 })).toBeNull();
  });

  it('rejects a second message_start', () => {
    const message = run([start]);
    expect(() => accumulate(message, start)).toThrow(EventOrderError);
  });

  it('never mutates the message it was given', () => {
    const before = run([
      start,
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '', citations: null } },
    ]);
    const frozen = JSON.stringify(before);
    accumulate(before, { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'hi' } });
    expect(JSON.stringify(before)).toBe(frozen);
  });

  it('parses partial tool input when the stream stops mid-block', () => {
    const message = run([start, toolStart, toolInput('{"city": "Paris", "da')]);
    // What the SDK's own partial parser makes of it: complete values only.
    expect((message?.content[0] as { input: unknown } | undefined)?.input).toEqual({ city: 'Paris' });
  });

  it('keeps tool input as a plain property with input last once the block stops', () => {
    const message = run([start, toolStart, toolInput('{"a":1}'), { type: 'content_block_stop', index: 0 }]);
    const block = message?.content[0] as unknown as Record<string, unknown>;
    expect(Object.keys(block)).toEqual(['type', 'id', 'name', 'input']);
    expect(Object.getOwnPropertyDescriptor(block, 'input')?.value).toEqual({ a: 1 });
  });

  it('keeps unknown event types and deltas without changing the message', () => {
    const message = run([
      start,
      { type: 'content_block_start', index: 0, content_block: { type: 'future', x: 1 } } as StreamEvent,
    ]);
    expect(accumulate(message, { type: 'brand_new_event', foo: 1 })).toBe(message);
    const delta = {
      type: 'content_block_delta',
      index: 0,
      delta: { type: 'future_delta', y: 2 },
    } as unknown as StreamEvent;
    expect(accumulate(message, delta)).toBe(message);
    expect(message?.content).toEqual([{ type: 'future', x: 1 }]);
  });
});
