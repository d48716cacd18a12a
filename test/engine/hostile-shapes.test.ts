import { describe, expect, it } from 'vitest';
import { ERROR_BODY_LIMIT } from '../../src/engine/response-guard.js';
import { serveHostile } from '../support/hostile-server.js';
import { serveScript } from '../support/sse-fixture-server.js';
import { messageEnd, messageStart } from '../support/stream-events.js';
import { turnThenNext } from '../support/turns.js';

const MODES = ['helper', 'raw'] as const;

const textStart = {
  event: 'content_block_start',
  data: { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
};
const hello = {
  event: 'content_block_delta',
  data: { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'hello ' } },
};
const stop = { event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 } };
const DEEP = 6000;
const deep = `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`;

/** One reply carrying `odd` after a good start, then a good reply, both through a client with a key. */
async function oddTurn(mode: (typeof MODES)[number], odd: Array<{ event: string; data: unknown }>) {
  const good = [messageStart('msg_ok'), textStart, hello, stop, ...messageEnd('end_turn', 2)];
  const server = await serveScript([
    {
      kind: 'sse',
      events: [messageStart('msg_odd'), textStart, hello, ...odd, stop, ...messageEnd('end_turn', 2)],
    },
    { kind: 'sse', events: good },
  ]);
  // The test client has a key, so every update goes through the redactor too.
  return turnThenNext(server, mode, { maxRetries: 0 });
}

describe.each(MODES)('an event of a shape no message can take ends the turn as malformed (%s)', (mode) => {
  it.each([
    [
      'an index of "__proto__"',
      '{"type":"content_block_delta","index":"__proto__","delta":{"type":"text_delta","text":"x"}}',
    ],
    [
      'a negative index',
      '{"type":"content_block_delta","index":-1,"delta":{"type":"text_delta","text":"x"}}',
    ],
    ['data: null', 'null'],
    ['a delta of null', '{"type":"content_block_delta","index":0,"delta":null}'],
  ])('%s', async (_, data) => {
    const { outcome, text, next } = await oddTurn(mode, [{ event: 'content_block_delta', data }]);
    expect(outcome.status).toBe('failed');
    expect(outcome.error?.kind).toBe('malformed');
    expect(outcome.error?.message).toMatch(/^malformed event data after \d+ events: /);
    expect(text).toBe('hello ');
    expect(outcome.message?.content).toBeInstanceOf(Array);
    expect(outcome.message?.content.map((b) => b.type)).toEqual(['text']);
    expect(next.outcome.status).toBe('complete');
  });
});

describe.each(MODES)('deeply nested data does not overflow the stack (%s)', (mode) => {
  it('a block of an unknown type nested 6000 deep', async () => {
    const block = `{"type":"content_block_start","index":1,"content_block":{"type":"mystery","x":${deep}}}`;
    const { outcome, next } = await oddTurn(mode, [
      { event: 'content_block_start', data: block },
      { event: 'content_block_stop', data: { type: 'content_block_stop', index: 1 } },
    ]);
    expect(outcome.status).toBe('complete');
    expect(outcome.message?.content.map((b) => b.type)).toEqual(['text', 'mystery']);
    expect(next.outcome.status).toBe('complete');
  });

  it('an event of an unknown type nested 6000 deep', async () => {
    const { outcome, wire } = await oddTurn(mode, [
      { event: 'mystery', data: `{"type":"mystery","x":${deep}}` },
    ]);
    expect(outcome.status).toBe('complete');
    expect(wire.some((e) => e.event === 'mystery')).toBe(true);
  });
});

describe.each(MODES)('an error reply is read under the same guard as a stream (%s)', (mode) => {
  it('a 400 body that stalls ends on the idle timeout', async () => {
    const server = await serveHostile([{ kind: 'error-stall' }, { kind: 'ok' }]);
    const { outcome, next } = await turnThenNext(server, mode, { maxRetries: 0, idleTimeoutMs: 300 });
    expect(outcome.status).toBe('failed');
    expect(outcome.error?.message).toContain('the stream stalled: no data for 0.3 s');
    expect(next.outcome.status).toBe('complete');
  });

  it('a 400 body that never ends is cut at the cap', async () => {
    const server = await serveHostile([{ kind: 'error-endless' }, { kind: 'ok' }]);
    const { outcome, next } = await turnThenNext(server, mode, { maxRetries: 0 });
    expect(outcome.status).toBe('failed');
    expect(outcome.error?.kind).toBe('http');
    expect(outcome.error?.status).toBe(400);
    expect(outcome.error?.message.length).toBeLessThan(ERROR_BODY_LIMIT + 200);
    expect(next.outcome.status).toBe('complete');
  });
});
