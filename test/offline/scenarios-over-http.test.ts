import { describe, expect, it } from 'vitest';
import { comparableMessage, params, post, rawEvents, sdkFor, withOfflineServer } from '../support/offline.js';

const SUCCESSFUL = [
  'chat',
  'long',
  'long:50',
  'thinking',
  'tool-use',
  'server-tool',
  'refusal',
  'max-tokens',
  'rate-limit',
  'overloaded-529',
  'unknown-event',
];

// Pretends to be the SDK's first retry, so scenarios that fail a first attempt stream their answer.
const RETRY = { 'x-stainless-retry-count': '1' };

describe('a successful scenario, driven by the real SDK over loopback', () => {
  it.each(SUCCESSFUL)('%s: the streamed message equals the stream:false answer', async (scenario) => {
    await withOfflineServer({ scenario }, async (server) => {
      const client = sdkFor(server);
      const request = params('Write a 1 sentence description of a sci fi world', { max_tokens: 700 });
      const streamed = await client.messages.stream(request).finalMessage();
      const whole = await client.messages.create(request);
      expect(comparableMessage(streamed)).toEqual(comparableMessage(whole));
      expect(whole.id).toMatch(/^msg_offline_/);
      expect(streamed.id).not.toBe(whole.id);
    });
  });

  it.each(SUCCESSFUL)('%s: frames every event exactly as the API does, pings included', async (scenario) => {
    await withOfflineServer({ scenario }, async (server) => {
      const res = await post(server, { ...params(), stream: true }, RETRY);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/event-stream');
      expect(res.headers.get('request-id')).toMatch(/^req_offline_/);
      const body = await res.text();
      expect(body).toMatch(/^(event: [a-z_]+\ndata: [^\n]+\n\n)+$/);
      const events = rawEvents(body);
      for (const { event, data } of events) expect((JSON.parse(data) as { type: string }).type).toBe(event);
      expect(events.map((e) => e.event)).toContain('ping');
      expect(events[0]?.event).toBe('message_start');
      expect(events.at(-1)?.event).toBe('message_stop');
    });
  });
});

describe('the shape of each answer', () => {
  it('long:500 sends exactly 500 text deltas', async () => {
    await withOfflineServer({ scenario: 'long:500' }, async (server) => {
      const body = await (await post(server, { ...params(), max_tokens: 1000, stream: true })).text();
      expect(body.match(/"type":"text_delta"/g)).toHaveLength(500);
    });
  });

  it('long without a count sends about 600 deltas, ending on a whole answer', async () => {
    await withOfflineServer({ scenario: 'long' }, async (server) => {
      const message = await sdkFor(server).messages.create(params('hi', { max_tokens: 2000 }));
      expect(message.usage.output_tokens).toBeGreaterThanOrEqual(600);
      expect(message.usage.output_tokens).toBeLessThan(800);
      expect(message.stop_reason).toBe('end_turn');
    });
  });

  it('chat answers the same prompt the same way, and a different prompt differently', async () => {
    await withOfflineServer({}, async (server) => {
      const client = sdkFor(server);
      const textOf = async (prompt: string) =>
        (await client.messages.stream(params(prompt)).finalMessage()).content.map(
          (b) => b.type === 'text' && b.text,
        );
      expect(await textOf('Tell me a joke')).toEqual(await textOf('Tell me a joke'));
      expect(await textOf('Tell me a joke')).not.toEqual(await textOf('Write a poem about rain'));
    });
  });

  it('chat puts a signed thinking block first when the request enables thinking', async () => {
    await withOfflineServer({}, async (server) => {
      const client = sdkFor(server);
      const thinking = { type: 'enabled', budget_tokens: 1024 } as const;
      const message = await client.messages
        .stream(params('hello', { max_tokens: 2048, thinking }))
        .finalMessage();
      expect(message.content.map((b) => b.type)).toEqual(['thinking', 'text']);
      const [block] = message.content;
      expect(block?.type === 'thinking' && block.thinking).toContain('hello');
      expect(block?.type === 'thinking' && block.signature.length).toBeGreaterThan(50);
      const plain = await client.messages.stream(params('hello')).finalMessage();
      expect(plain.content.map((b) => b.type)).toEqual(['text']);
    });
  });

  it('thinking streams thinking deltas, then one signature delta, then the text', async () => {
    await withOfflineServer({ scenario: 'thinking' }, async (server) => {
      const events = rawEvents(await (await post(server, { ...params(), stream: true })).text());
      const deltaTypes = events
        .filter((e) => e.event === 'content_block_delta')
        .map((e) => (JSON.parse(e.data) as { delta: { type: string } }).delta.type);
      const signatureAt = deltaTypes.indexOf('signature_delta');
      expect(deltaTypes.slice(0, signatureAt).every((t) => t === 'thinking_delta')).toBe(true);
      expect(signatureAt).toBeGreaterThan(3);
      expect(deltaTypes.slice(signatureAt + 1).every((t) => t === 'text_delta')).toBe(true);
    });
  });

  it('cuts any answer at max_tokens and says so', async () => {
    await withOfflineServer({}, async (server) => {
      const message = await sdkFor(server)
        .messages.stream(params(undefined, { max_tokens: 5 }))
        .finalMessage();
      expect(message.stop_reason).toBe('max_tokens');
      expect(message.usage.output_tokens).toBe(5);
      expect(message.content[0]?.type === 'text' && message.content[0].text).toBe(
        'In a distant future where',
      );
    });
  });

  it('max-tokens always runs past the limit', async () => {
    await withOfflineServer({ scenario: 'max-tokens' }, async (server) => {
      const message = await sdkFor(server)
        .messages.stream(params(undefined, { max_tokens: 3000 }))
        .finalMessage();
      expect(message.stop_reason).toBe('max_tokens');
      expect(message.usage.output_tokens).toBe(3000);
    });
  });

  it('tool-use streams the input as JSON chunks, the first one empty, and answers the tool_result', async () => {
    await withOfflineServer({ scenario: 'tool-use' }, async (server) => {
      const prompt = "What's the weather in Paris?";
      const events = rawEvents(await (await post(server, { ...params(prompt), stream: true })).text());
      const chunks = events
        .map((e) => JSON.parse(e.data) as { delta?: { type: string; partial_json?: string } })
        .flatMap((e) => (e.delta?.type === 'input_json_delta' ? [e.delta.partial_json] : []));
      expect(chunks[0]).toBe('');
      expect(chunks.length).toBeGreaterThan(3);

      const client = sdkFor(server);
      const call = await client.messages.stream(params(prompt)).finalMessage();
      expect(call.stop_reason).toBe('tool_use');
      const toolUse = call.content.find((b) => b.type === 'tool_use');
      expect(toolUse).toMatchObject({ name: 'get_weather', input: { location: 'Paris', unit: 'celsius' } });
      expect(toolUse?.id).toMatch(/^toolu_01/);

      const answer = await client.messages
        .stream(
          params(prompt, {
            messages: [
              { role: 'user', content: prompt },
              { role: 'assistant', content: call.content },
              {
                role: 'user',
                content: [{ type: 'tool_result', tool_use_id: toolUse?.id ?? '', content: '18°C, cloudy' }],
              },
            ],
          }),
        )
        .finalMessage();
      expect(answer.stop_reason).toBe('end_turn');
      expect(answer.content[0]?.type === 'text' && answer.content[0].text).toContain('18°C, cloudy');
    });
  });

  it('server-tool searches, returns results and cites them with citations_delta', async () => {
    await withOfflineServer({ scenario: 'server-tool' }, async (server) => {
      const message = await sdkFor(server).messages.stream(params('How does streaming work?')).finalMessage();
      expect(message.content.slice(0, 2).map((b) => b.type)).toEqual([
        'server_tool_use',
        'web_search_tool_result',
      ]);
      expect(message.usage.server_tool_use).toMatchObject({ web_search_requests: 1 });
      const cited = message.content.filter((b) => b.type === 'text' && b.citations?.length);
      expect(cited.length).toBeGreaterThan(0);
      expect(cited[0]).toMatchObject({
        citations: [{ type: 'web_search_result_location', url: expect.stringMatching(/^https:/) }],
      });

      const events = rawEvents(await (await post(server, { ...params(), stream: true })).text());
      const starts = events
        .filter((e) => e.event === 'content_block_start')
        .map((e) => (JSON.parse(e.data) as { content_block: Record<string, unknown> }).content_block);
      expect(starts.filter((b) => Array.isArray(b.citations) && b.citations.length === 0)).toHaveLength(
        cited.length,
      );
      expect(events.some((e) => e.data.includes('"citations_delta"'))).toBe(true);
    });
  });

  it('refusal stops with stop_reason refusal and its details', async () => {
    await withOfflineServer({ scenario: 'refusal' }, async (server) => {
      const message = await sdkFor(server).messages.stream(params()).finalMessage();
      expect(message.stop_reason).toBe('refusal');
      expect(message.stop_details).toMatchObject({ type: 'refusal' });
    });
  });

  it('unknown-event sends an event, a block and a delta of types no SDK knows, which the SDK passes over', async () => {
    await withOfflineServer({ scenario: 'unknown-event' }, async (server) => {
      const events = rawEvents(await (await post(server, { ...params(), stream: true })).text());
      expect(events.map((e) => e.event)).toContain('content_block_annotation');
      expect(events.some((e) => e.data.includes('"future_widget_delta"'))).toBe(true);
      const message = await sdkFor(server).messages.stream(params()).finalMessage();
      expect(message.content.map((b) => b.type)).toEqual(['text', 'future_widget']);
    });
  });
});
