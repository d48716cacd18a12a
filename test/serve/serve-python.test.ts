import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv } from '../support/cli.js';
import { type ServeProcess, startServe } from '../support/serve-process.js';

// Run `npm run build` first. The Python SDK can't be installed here; python3's standard
// library reads the same SSE, with the seed notebook's request and event loop.

const CLIENT = resolve('test/fixtures/stdlib-sse-client.py');

describe('a python3 client with only the standard library', () => {
  let serve: ServeProcess;
  beforeAll(async () => {
    serve = await startServe(['--port', '0', '--pace', 'none']);
  });
  afterAll(() => serve.stop());

  it('reads every event the TypeScript SDK reads, and the same text', async () => {
    const lines = await python(serve.url);
    const { text } = lines.at(-1) as { text: string };
    const events = lines.slice(0, -1) as Array<{ event: string; data: { type: string } }>;

    const client = new Anthropic({ apiKey: 'any-key', baseURL: serve.url });
    const stream = await client.messages.create({
      model: 'claude-sonnet-4-6',
      max_tokens: 1000,
      messages: [{ role: 'user', content: 'Write a 1 sentence description of a sci fi world' }],
      stream: true,
    });
    const sdkTypes: string[] = [];
    let sdkText = '';
    for await (const event of stream) {
      sdkTypes.push(event.type);
      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta')
        sdkText += event.delta.text;
    }
    // The SDK's raw stream drops pings; everything else is the same, in the same order.
    expect(events.map((e) => e.data.type).filter((type) => type !== 'ping')).toEqual(sdkTypes);
    for (const { event, data } of events) expect(data.type).toBe(event);
    expect(text).toBe(sdkText);
    expect(text.length).toBeGreaterThan(20);
  });

  it('picks a scenario with the header', async () => {
    const lines = (await python(serve.url, 'tool-use')) as Array<{
      data?: { type: string; delta?: { type: string } };
    }>;
    expect(lines.some((line) => line.data?.delta?.type === 'input_json_delta')).toBe(true);
  });
});

function python(url: string, scenario?: string): Promise<unknown[]> {
  const args = scenario ? [CLIENT, scenario] : [CLIENT];
  return new Promise((done, fail) => {
    execFile('python3', args, { env: cleanEnv({ ANTHROPIC_BASE_URL: url }) }, (error, stdout, stderr) => {
      if (error) fail(new Error(`python3 failed: ${stderr}`));
      else
        done(
          stdout
            .trimEnd()
            .split('\n')
            .map((line) => JSON.parse(line) as unknown),
        );
    });
  });
}
