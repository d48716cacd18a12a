import { describe, expect, it } from 'vitest';
import { type OfflineRequest, parseRequest } from '../../src/offline/request.js';
import { requestScenario } from '../../src/offline/request-scenario.js';

function request(messages: unknown[]): OfflineRequest {
  const parsed = parseRequest(JSON.stringify({ model: 'm', max_tokens: 10, messages }));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.request;
}

describe('the scenario a request names', () => {
  it('is none, and the request unchanged, without a header or a prefix', () => {
    const plain = request([{ role: 'user', content: 'hello [scenario:chat]' }]);
    expect(requestScenario(undefined, plain)).toEqual({ name: null, from: null, request: plain });
    expect(requestScenario(undefined, plain).request).toBe(plain);
  });

  it('comes from the header, trimmed, over a prefix', () => {
    const prefixed = request([{ role: 'user', content: '[scenario:refusal] hi' }]);
    const chosen = requestScenario(' tool-use ', prefixed);
    expect(chosen.name).toBe('tool-use');
    expect(chosen.from).toBe('header');
    expect(chosen.request.messages[0]?.content).toBe('hi');
  });

  it('comes from the prefix of the latest prompt, taken off every prompt', () => {
    const chosen = requestScenario(
      undefined,
      request([
        { role: 'user', content: '[scenario:thinking] first' },
        { role: 'assistant', content: 'ok' },
        { role: 'user', content: [{ type: 'text', text: '  [scenario:long:50]  second' }] },
      ]),
    );
    expect(chosen).toMatchObject({ name: 'long:50', from: 'prompt' });
    expect(chosen.request.messages.map((m) => m.content)).toEqual([
      'first',
      'ok',
      [{ type: 'text', text: 'second' }],
    ]);
    expect(chosen.request.body.messages).toBe(chosen.request.messages);
  });

  it('looks past a tool result to the prompt that asked for the tool', () => {
    const chosen = requestScenario(
      undefined,
      request([
        { role: 'user', content: "[scenario:tool-use] What's the weather?" },
        { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'get_weather', input: {} }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: 'sunny' }] },
      ]),
    );
    expect(chosen.name).toBe('tool-use');
  });

  it('is none when only an earlier prompt had a prefix', () => {
    const chosen = requestScenario(
      undefined,
      request([
        { role: 'user', content: '[scenario:refusal] first' },
        { role: 'assistant', content: 'ok' },
        { role: 'user', content: 'second' },
      ]),
    );
    expect(chosen.name).toBeNull();
    expect(chosen.request.messages[0]?.content).toBe('first');
  });

  it('leaves an assistant message that starts like a prefix alone', () => {
    const chosen = requestScenario(
      undefined,
      request([
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: '[scenario:chat] echo' },
      ]),
    );
    expect(chosen.name).toBeNull();
    expect(chosen.request.messages[1]?.content).toBe('[scenario:chat] echo');
  });
});
