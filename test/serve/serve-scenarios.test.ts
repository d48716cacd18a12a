import { execFile } from 'node:child_process';
import Anthropic, { APIError, AuthenticationError } from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../src/offline/scenario-names.js';
import { type ServeProcess, startServe } from '../support/serve-process.js';

// Run `npm run build` first: these drive dist/cli.js serve, as any client would.

const PARAMS = {
  model: 'claude-sonnet-4-6',
  max_tokens: 1024,
  messages: [{ role: 'user' as const, content: 'What is the weather in Paris?' }],
};

/** How each scenario ends for a client: the last raw event and the final message, or what is thrown. */
type Expected = {
  raw: string | RegExp;
  helper: { stop: string; blocks: string[] } | RegExp;
  /** curl's view: the status, and how the body starts or ends (null: the transfer is cut). */
  curl: { status: number; ends: RegExp | null };
};

const STOP = /\nevent: message_stop\ndata: \{"type":"message_stop"\}\n\n$/;
const text = (stop = 'end_turn') => ({ stop, blocks: ['text'] });
const EXPECTED: Record<(typeof SCENARIOS)[number]['name'], Expected> = {
  chat: { raw: 'message_stop', helper: text(), curl: { status: 200, ends: STOP } },
  long: { raw: 'message_stop', helper: text(), curl: { status: 200, ends: STOP } },
  thinking: {
    raw: 'message_stop',
    helper: { stop: 'end_turn', blocks: ['thinking', 'text'] },
    curl: { status: 200, ends: STOP },
  },
  'tool-use': {
    raw: 'message_stop',
    helper: { stop: 'tool_use', blocks: ['text', 'tool_use'] },
    curl: { status: 200, ends: STOP },
  },
  'server-tool': {
    raw: 'message_stop',
    helper: { stop: 'end_turn', blocks: ['server_tool_use', 'web_search_tool_result', 'text'] },
    curl: { status: 200, ends: STOP },
  },
  refusal: { raw: 'message_stop', helper: text('refusal'), curl: { status: 200, ends: STOP } },
  'max-tokens': { raw: 'message_stop', helper: text('max_tokens'), curl: { status: 200, ends: STOP } },
  overloaded: {
    raw: /overloaded_error/,
    helper: /overloaded_error/,
    curl: {
      status: 200,
      ends: /\nevent: error\ndata: \{"type":"error","error":\{"type":"overloaded_error","message":"Overloaded"\}\}\n\n$/,
    },
  },
  // The SDK retries these; curl does not, and sees the first attempt's status.
  'rate-limit': {
    raw: 'message_stop',
    helper: text(),
    curl: { status: 429, ends: /^\{"type":"error","error":\{"type":"rate_limit_error"/ },
  },
  'overloaded-529': {
    raw: 'message_stop',
    helper: text(),
    curl: { status: 529, ends: /^\{"type":"error","error":\{"type":"overloaded_error"/ },
  },
  unauthorized: {
    raw: /^401 /,
    helper: /^401 /,
    curl: { status: 401, ends: /^\{"type":"error","error":\{"type":"authentication_error"/ },
  },
  dropped: { raw: /terminated/, helper: /terminated/, curl: { status: 200, ends: null } },
  'no-stop': {
    raw: 'message_delta',
    helper: /stream ended without producing a Message/,
    curl: { status: 200, ends: /\nevent: message_delta\ndata: [^\n]+\n\n$/ },
  },
  malformed: { raw: /JSON/, helper: /JSON/, curl: { status: 200, ends: STOP } },
  'unknown-event': {
    raw: 'message_stop',
    helper: { stop: 'end_turn', blocks: ['text', 'future_widget'] },
    curl: { status: 200, ends: STOP },
  },
};

const NAMES = SCENARIOS.map((scenario) => scenario.name);

describe('streambook serve answers every scenario to any client', () => {
  let serve: ServeProcess;
  let client: Anthropic;
  beforeAll(async () => {
    serve = await startServe(['--port', '0', '--pace', 'none']);
    client = new Anthropic({ apiKey: 'any-key', baseURL: serve.url, logLevel: 'off' });
  });
  afterAll(() => serve.stop());

  it('covers all 15 scenarios', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...NAMES].sort());
    expect(NAMES).toHaveLength(15);
  });

  it.each(NAMES)('%s: raw events from create({stream: true}), chosen by the header', async (name) => {
    const expected = EXPECTED[name].raw;
    const types: string[] = [];
    const run = async () => {
      const stream = await client.messages.create(
        { ...PARAMS, stream: true },
        { headers: { 'x-streambook-scenario': name } },
      );
      for await (const event of stream) types.push(event.type);
    };
    if (typeof expected === 'string') {
      await run();
      expect(types[0]).toBe('message_start');
      expect(types.at(-1)).toBe(expected);
    } else {
      await expect(run()).rejects.toThrow(expected);
    }
  });

  it.each(NAMES)('%s: messages.stream() and finalMessage(), chosen by the header', async (name) => {
    const expected = EXPECTED[name].helper;
    const stream = client.messages.stream(PARAMS, { headers: { 'x-streambook-scenario': name } });
    if (expected instanceof RegExp) {
      await expect(stream.finalMessage()).rejects.toThrow(expected);
      return;
    }
    const message = await stream.finalMessage();
    expect(message.stop_reason).toBe(expected.stop);
    expect([...new Set(message.content.map((block) => block.type))]).toEqual(expected.blocks);
    expect(message.id).toMatch(/^msg_offline_/);
  });

  it.each(NAMES)('%s: curl, with the scenario in the header', async (name) => {
    const { status, ends } = EXPECTED[name].curl;
    const result = await curl(serve.url, name);
    expect(result.status).toBe(status);
    if (ends === null) {
      // The connection drops mid-stream: curl says the transfer was cut (18 partial, 56 recv).
      expect(result.code).not.toBe(0);
      expect(result.body).toMatch(/^event: message_start\n/);
      expect(result.body).not.toContain('message_stop');
    } else {
      expect(result.code).toBe(0);
      expect(result.body).toMatch(ends);
    }
  });

  it('the SDK sees the right exception classes for a 401 and an error event', async () => {
    const unauthorized = client.messages.create(PARAMS, {
      headers: { 'x-streambook-scenario': 'unauthorized' },
    });
    await expect(unauthorized).rejects.toBeInstanceOf(AuthenticationError);
    const overloaded = client.messages.stream(PARAMS, { headers: { 'x-streambook-scenario': 'overloaded' } });
    await expect(overloaded.finalMessage()).rejects.toBeInstanceOf(APIError);
  });
});

/** POSTs a streaming request with real curl: its exit code, HTTP status and body. */
function curl(url: string, scenario: string): Promise<{ code: number; status: number; body: string }> {
  const body = JSON.stringify({ ...PARAMS, stream: true });
  const args = [
    '-sS',
    '-N',
    '--max-time',
    '60',
    `${url}/v1/messages`,
    '-H',
    'x-api-key: any-key',
    '-H',
    'content-type: application/json',
    '-H',
    `x-streambook-scenario: ${scenario}`,
    '-d',
    body,
    '-w',
    '\n%{http_code}',
  ];
  return new Promise((resolve) => {
    execFile('curl', args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      const cut = stdout.lastIndexOf('\n');
      resolve({
        code: error ? Number((error as { code?: number }).code ?? 1) : 0,
        status: Number(stdout.slice(cut + 1)),
        body: stdout.slice(0, cut),
      });
    });
  });
}
