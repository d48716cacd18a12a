import { APIError } from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { params, post, rawEvents, sdkFor, withOfflineServer } from '../support/offline.js';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('failures before the stream', () => {
  it('rate-limit: the SDK succeeds after one retry', async () => {
    await withOfflineServer({ scenario: 'rate-limit' }, async (server) => {
      // Zero retries fail (below), so succeeding with one allowed means exactly one was made.
      const message = await sdkFor(server, 1).messages.stream(params()).finalMessage();
      expect(message.stop_reason).toBe('end_turn');
      expect((await sdkFor(server, 2).messages.create(params())).stop_reason).toBe('end_turn');
    });
  });

  it('rate-limit: without retries the SDK throws a 429 that carries retry-after', async () => {
    await withOfflineServer({ scenario: 'rate-limit' }, async (server) => {
      const error = await rejection(sdkFor(server, 0).messages.stream(params()).finalMessage());
      expect(error).toBeInstanceOf(APIError);
      const apiError = error as APIError;
      expect(apiError.status).toBe(429);
      expect(apiError.type).toBe('rate_limit_error');
      expect(apiError.headers?.get('retry-after')).toBe('1');
      expect(apiError.headers?.get('retry-after-ms')).toBe('20');
      expect(apiError.requestID).toMatch(/^req_offline_/);
    });
  });

  it('overloaded-529: a 529 without retries, an answer after one', async () => {
    await withOfflineServer({ scenario: 'overloaded-529' }, async (server) => {
      const error = (await rejection(sdkFor(server, 0).messages.create(params()))) as APIError;
      expect(error.status).toBe(529);
      expect(error.type).toBe('overloaded_error');
      const message = await sdkFor(server, 1).messages.stream(params()).finalMessage();
      expect(message.stop_reason).toBe('end_turn');
    });
  });

  it('unauthorized: every attempt gets a 401 authentication_error', async () => {
    await withOfflineServer({ scenario: 'unauthorized' }, async (server) => {
      const error = (await rejection(sdkFor(server, 2).messages.stream(params()).finalMessage())) as APIError;
      expect(error.status).toBe(401);
      expect(error.type).toBe('authentication_error');
      expect(error.apiMessage).toBe('invalid x-api-key');
    });
  });

  it('answers a request without credentials with 401, as the API does', async () => {
    await withOfflineServer({}, async (server) => {
      const res = await fetch(`${server.url}/v1/messages`, {
        method: 'POST',
        body: JSON.stringify(params()),
      });
      expect(res.status).toBe(401);
    });
  });

  it('answers anything but POST /v1/messages with a 404 not_found_error', async () => {
    await withOfflineServer({}, async (server) => {
      const res = await fetch(`${server.url}/v1/models`, { headers: { 'x-api-key': 'test' } });
      expect(res.status).toBe(404);
      const body = (await res.json()) as { error: { type: string }; request_id: string };
      expect(body.error.type).toBe('not_found_error');
      expect(body.request_id).toBe(res.headers.get('request-id'));
    });
  });
});

describe('validation, with the API status, shape and wording', () => {
  const base = params();
  const cases: [string, unknown, RegExp][] = [
    ['invalid JSON', '{"model": ', /not valid JSON/],
    ['a missing model', { ...base, model: undefined }, /^model: Field required$/],
    ['missing max_tokens', { ...base, max_tokens: undefined }, /^max_tokens: Field required$/],
    ['max_tokens of 0', { ...base, max_tokens: 0 }, /^max_tokens: .*greater than or equal to 1/],
    ['empty messages', { ...base, messages: [] }, /^messages: at least one message is required$/],
    [
      'an empty message',
      { ...base, messages: [{ role: 'user', content: '' }] },
      /^messages\.0: .*non-empty content/,
    ],
    [
      'an empty text block',
      { ...base, messages: [{ role: 'user', content: [{ type: 'text', text: '' }] }] },
      /^messages: text content blocks must be non-empty$/,
    ],
  ];

  it.each(cases)('rejects %s with a 400 invalid_request_error', async (_, body, message) => {
    await withOfflineServer({}, async (server) => {
      const res = await post(server, body);
      expect(res.status).toBe(400);
      const json = (await res.json()) as {
        type: string;
        error: { type: string; message: string };
        request_id: string;
      };
      expect(json.type).toBe('error');
      expect(json.error.type).toBe('invalid_request_error');
      expect(json.error.message).toMatch(message);
      expect(json.request_id).toMatch(/^req_offline_/);
      expect(res.headers.get('request-id')).toBe(json.request_id);
    });
  });

  it('gives the SDK a BadRequestError it can print', async () => {
    await withOfflineServer({}, async (server) => {
      const request = params(undefined, {
        messages: [{ role: 'user', content: [{ type: 'text', text: '' }] }],
      });
      const error = (await rejection(sdkFor(server).messages.create(request))) as APIError;
      expect(error.status).toBe(400);
      expect(error.message).toContain('text content blocks must be non-empty');
    });
  });
});

describe('failures mid-stream', () => {
  it('overloaded: a few deltas, then an error event the SDK throws as overloaded_error', async () => {
    await withOfflineServer({ scenario: 'overloaded' }, async (server) => {
      const stream = sdkFor(server).messages.stream(params());
      let text = '';
      stream.on('text', (delta) => {
        text += delta;
      });
      const error = (await rejection(stream.finalMessage())) as APIError;
      expect(error).toBeInstanceOf(APIError);
      expect(error.type).toBe('overloaded_error');
      expect(text).toBe('In a distant future where');

      const body = await (await post(server, { ...params(), stream: true })).text();
      expect(
        body.endsWith(
          'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n',
        ),
      ).toBe(true);
    });
  });

  it('overloaded without streaming is a 529', async () => {
    await withOfflineServer({ scenario: 'overloaded' }, async (server) => {
      expect((await post(server, params())).status).toBe(529);
    });
  });

  it('dropped: the socket dies mid-stream and the SDK throws', async () => {
    await withOfflineServer({ scenario: 'dropped' }, async (server) => {
      const stream = sdkFor(server, 0).messages.stream(params());
      let deltas = 0;
      stream.on('text', () => deltas++);
      await expect(stream.finalMessage()).rejects.toThrow();
      expect(deltas).toBeGreaterThan(0);
    });
  });

  it('dropped: drops even a reply shorter than the usual drop point', async () => {
    await withOfflineServer({ scenario: 'dropped' }, async (server) => {
      const res = await post(server, { ...params(undefined, { max_tokens: 1 }), stream: true });
      await expect(res.text()).rejects.toThrow();
    });
  });

  it('no-stop: the stream ends cleanly without message_stop, so the SDK has no final message', async () => {
    await withOfflineServer({ scenario: 'no-stop' }, async (server) => {
      const events = rawEvents(await (await post(server, { ...params(), stream: true })).text());
      expect(events.at(-1)?.event).toBe('message_delta');
      await expect(sdkFor(server).messages.stream(params()).finalMessage()).rejects.toThrow();
    });
  });

  it('malformed: one data line is not JSON, and the SDK fails to parse it', async () => {
    await withOfflineServer({ scenario: 'malformed' }, async (server) => {
      const events = rawEvents(await (await post(server, { ...params(), stream: true })).text());
      const broken = events.filter((e) => {
        try {
          JSON.parse(e.data);
          return false;
        } catch {
          return true;
        }
      });
      expect(broken.map((e) => e.event)).toEqual(['content_block_delta']);
      expect(events.at(-1)?.event).toBe('message_stop');
      await expect(sdkFor(server, 0, true).messages.stream(params()).finalMessage()).rejects.toThrow(/JSON/);
    });
  });
});

describe('the server itself', () => {
  it('switches scenarios, and refuses names it does not know', async () => {
    await withOfflineServer({ scenario: 'long:10' }, async (server) => {
      expect(server.scenario).toBe('long:10');
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      server.setScenario('refusal');
      expect(server.scenario).toBe('refusal');
      expect(() => server.setScenario('long:ten')).toThrow(/Unknown offline scenario/);
      expect(() => server.setScenario('nonsense')).toThrow();
      expect(server.scenario).toBe('refusal');
    });
  });

  it('close() ends streams in flight at once', async () => {
    await withOfflineServer({ scenario: 'long', pace: { deltasPerSecond: 20 } }, async (server) => {
      const stream = sdkFor(server, 0).messages.stream(params());
      const outcome = rejection(stream.finalMessage());
      await new Promise<void>((resolve) => stream.once('text', () => resolve()));
      const started = performance.now();
      await server.close();
      expect(performance.now() - started).toBeLessThan(1000);
      expect(await outcome).toBeInstanceOf(Error);
    });
  });
});
