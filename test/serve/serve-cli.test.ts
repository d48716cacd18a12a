import Anthropic, { BadRequestError } from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { type ServeProcess, startServe } from '../support/serve-process.js';

// Run `npm run build` first: these drive dist/cli.js serve.

const PARAMS = {
  model: 'claude-sonnet-4-6',
  max_tokens: 1024,
  messages: [{ role: 'user' as const, content: 'Tell me a joke' }],
};
const KEY = `sk-ant-api03-${'Zx9'.repeat(30)}`;

describe('streambook serve, as a process', () => {
  let serve: ServeProcess;
  let client: Anthropic;
  beforeAll(async () => {
    serve = await startServe(['--port', '0', '--pace', 'none', '--scenario', 'refusal']);
    client = new Anthropic({ apiKey: KEY, baseURL: serve.url, logLevel: 'off' });
  });
  afterAll(() => serve.stop());

  it('prints its base URL and the export line on stdout, and nothing else', () => {
    expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(serve.stdout()).toBe(`${serve.url}\nexport ANTHROPIC_BASE_URL=${serve.url}\n`);
  });

  it('answers with --scenario unless a request names its own in the header', async () => {
    expect((await client.messages.create(PARAMS)).stop_reason).toBe('refusal');
    const asked = await client.messages.create(PARAMS, { headers: { 'x-streambook-scenario': 'tool-use' } });
    expect(asked.stop_reason).toBe('tool_use');
  });

  it('takes the scenario from a [scenario:NAME] prefix, which the scenario never sees', async () => {
    const plain = await client.messages.create(PARAMS, { headers: { 'x-streambook-scenario': 'chat' } });
    const prefixed = await client.messages.create({
      ...PARAMS,
      messages: [{ role: 'user', content: '[scenario:chat] Tell me a joke' }],
    });
    // chat's answer depends on the prompt, and the token count on every character of it.
    expect(prefixed.stop_reason).toBe('end_turn');
    expect(prefixed.content).toEqual(plain.content);
    expect(prefixed.usage.input_tokens).toBe(plain.usage.input_tokens);
  });

  it('keeps a tool round trip in the scenario its prompt named', async () => {
    const ask = { role: 'user' as const, content: "[scenario:tool-use] What's the weather in Paris?" };
    const first = await client.messages.stream({ ...PARAMS, messages: [ask] }).finalMessage();
    const call = first.content.find((block) => block.type === 'tool_use');
    expect(call?.name).toBe('get_weather');
    const second = await client.messages.create({
      ...PARAMS,
      messages: [
        ask,
        { role: 'assistant', content: first.content },
        {
          role: 'user',
          content: [{ type: 'tool_result', tool_use_id: call?.id ?? '', content: '18°C, sunny' }],
        },
      ],
    });
    expect(second.stop_reason).toBe('end_turn');
  });

  it('answers an unknown scenario with a 400 that names the known ones', async () => {
    const byHeader = client.messages.create(PARAMS, { headers: { 'x-streambook-scenario': 'tool-usage' } });
    await expect(byHeader).rejects.toBeInstanceOf(BadRequestError);
    await expect(byHeader).rejects.toThrow(
      /unknown scenario 'tool-usage' in the x-streambook-scenario header; the scenarios are chat, long, long:N, thinking, tool-use,.* replay:ID\[:N\]/,
    );
    const byPrefix = client.messages.create({
      ...PARAMS,
      messages: [{ role: 'user', content: '[scenario:nope] hi' }],
    });
    await expect(byPrefix).rejects.toThrow(/unknown scenario 'nope' in the prompt prefix/);
  });

  it('validates: 404 for an unknown path, 405 with allow for a wrong method, 400, 413', async () => {
    const headers = { 'x-api-key': 'k', 'content-type': 'application/json' };
    const notFound = await fetch(`${serve.url}/v1/models`, { headers });
    expect(notFound.status).toBe(404);
    expect(((await notFound.json()) as { error: { type: string } }).error.type).toBe('not_found_error');

    const wrongMethod = await fetch(`${serve.url}/v1/messages`, { headers });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    expect(await wrongMethod.json()).toMatchObject({
      type: 'error',
      error: { type: 'invalid_request_error' },
    });

    const post = (body: string) => fetch(`${serve.url}/v1/messages`, { method: 'POST', headers, body });
    const bad = await post('{"model": ');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('not valid JSON');

    const huge = await post(JSON.stringify({ ...PARAMS, system: 'x'.repeat(33 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { error: { type: string } }).error.type).toBe('request_too_large');
    // And it still answers.
    expect((await post(JSON.stringify(PARAMS))).status).toBe(200);
  });

  it('counts tokens for the SDK', async () => {
    const counted = await client.messages.countTokens({ model: PARAMS.model, messages: PARAMS.messages });
    expect(counted.input_tokens).toBeGreaterThan(0);
    const sent = await client.messages.create(PARAMS, { headers: { 'x-streambook-scenario': 'chat' } });
    expect(counted.input_tokens).toBe(sent.usage.input_tokens);
  });

  it('logs one line per request on stderr, with no key and no control character from the request', async () => {
    await client.messages.create(PARAMS, { headers: { 'x-streambook-scenario': 'thinking' } });
    await fetch(`${serve.url}/v1/${KEY}/x?key=${KEY}`, { headers: { 'x-api-key': KEY } });
    const thinking = await serve.logged(/ POST \/v1\/messages thinking /);
    expect(thinking).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z POST \/v1\/messages thinking 200 \d+ events \d+ ms$/,
    );
    expect(await serve.logged(/ GET \/v1\/\[redacted\]\/x - 404 0 events/)).not.toContain('key=');
    expect(serve.stderr()).not.toContain(KEY.slice(13, 40));
    // Node refuses a request line with control bytes; what is logged is shown anyway (log-line.test.ts).
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no control character may reach the log
    expect(serve.stderr()).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});

describe('streambook serve, started wrong', () => {
  it('exits 1 with one line when the port is in use', async () => {
    const first = await startServe(['--port', '0']);
    try {
      const port = new URL(first.url).port;
      const second = await runCli(['serve', '--port', port]);
      expect(second.code).toBe(1);
      expect(second.stdout).toBe('');
      expect(second.stderr).toBe(
        `streambook: 127.0.0.1 port ${port} is in use: stop what holds it, or pick another with --port N (--port 0 picks a free one)\n`,
      );
    } finally {
      await first.stop();
    }
  });

  it.each([
    [['--port', 'http'], /--port takes a port number from 0 to 65535/],
    [['--port', '65536'], /--port takes a port number/],
    [['--pace', 'fast'], /--pace is realistic or none, got fast/],
    [['--scenario', 'nope'], /unknown scenario 'nope'/],
    [['--scenario', 'chat', '--replay', '20261201-0812-k3f9:1'], /give one of them/],
    [['--replay', 'not an id'], /--replay takes a session id/],
    [['--speed', 'fast'], /--speed must be a number/],
    [['--bogus'], /unknown option --bogus/],
    [['extra'], /serve takes no argument extra; its options are flags/],
  ])('exits 2 with one line for %j', async (args, message) => {
    const result = await runCli(['serve', '--port', '0', ...args]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/^streambook: [^\n]+ \(try: streambook serve --help\)\n$/);
  });

  it('exits 2 with one line for a replay of a session that is not there', async () => {
    const result = await runCli([
      'serve',
      '--port',
      '0',
      '--replay',
      '20261201-0812-k3f9:1',
      '--state-dir',
      '.',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^streambook: no saved session 20261201-0812-k3f9 in \S+ \(streambook sessions lists them\)\n$/,
    );
  });

  it('--help prints the usage and the scenarios', async () => {
    const result = await runCli(['serve', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: streambook serve \[--port N\]/);
    expect(result.stdout).toContain('x-streambook-scenario');
    expect(result.stdout).toContain('unknown-event');
  });

  it('warns that it accepts any key when it listens beyond this machine', async () => {
    const serve = await startServe(['--port', '0', '--host', '0.0.0.0']);
    try {
      expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const warning = await serve.logged(/warning/);
      expect(warning).toMatch(
        /^streambook: warning: listening on 0\.0\.0\.0, not only this machine: .*accepts any key/,
      );
      // A saved session is not served to whoever asks: only --replay serves one here.
      const client = new Anthropic({ apiKey: KEY, baseURL: serve.url, logLevel: 'off', maxRetries: 0 });
      const asked = client.messages.create(PARAMS, {
        headers: { 'x-streambook-scenario': 'replay:20261201-0812-k3f9:1' },
      });
      await expect(asked).rejects.toThrow(/can't pick a replay .*--replay 20261201-0812-k3f9:1/);
      expect((await client.messages.create(PARAMS)).stop_reason).toBe('end_turn');
    } finally {
      await serve.stop();
    }
  });
});
