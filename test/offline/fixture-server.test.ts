import { readFileSync } from 'node:fs';
import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { fixturePath, listFixtures, serveFixture } from '../support/sse-fixture-server.js';

const FAILING = new Set(['error-mid-stream', 'no-stop', 'malformed']);

function sdk(url: string) {
  // Silent, because two fixtures provoke the SDK's error logging on purpose.
  return new Anthropic({ apiKey: 'test', baseURL: url, maxRetries: 0, logLevel: 'off' });
}

const request = {
  model: 'claude-sonnet-4-6',
  max_tokens: 1024,
  messages: [{ role: 'user' as const, content: 'hi' }],
};

describe('the recorded SSE fixtures', () => {
  it('are all there', () => {
    expect(listFixtures()).toEqual([
      'citations',
      'error-mid-stream',
      'malformed',
      'multi-block',
      'no-stop',
      'redacted-thinking',
      'server-tool',
      'text',
      'thinking',
      'tool-use',
      'unknown-types',
    ]);
  });

  it.each(listFixtures())('%s is replayed byte for byte, with SSE headers', async (name) => {
    const server = await serveFixture(name);
    try {
      const res = await fetch(`${server.url}/v1/messages`, { method: 'POST', body: '{}' });
      expect(res.headers.get('content-type')).toBe('text/event-stream');
      expect(res.headers.get('request-id')).toMatch(/^req_/);
      expect(Buffer.from(await res.arrayBuffer())).toEqual(readFileSync(fixturePath(name)));
    } finally {
      await server.close();
    }
  });

  it.each(listFixtures().filter((name) => !FAILING.has(name)))(
    '%s is a complete stream the SDK accumulates into a message',
    async (name) => {
      const server = await serveFixture(name);
      try {
        const message = await sdk(server.url).messages.stream(request).finalMessage();
        expect(message.id).toMatch(/^msg_01/);
        expect(message.content.length).toBeGreaterThan(0);
        expect(message.stop_reason).not.toBeNull();
      } finally {
        await server.close();
      }
    },
  );

  it.each([...FAILING])('%s makes the SDK fail', async (name) => {
    const server = await serveFixture(name);
    try {
      await expect(sdk(server.url).messages.stream(request).finalMessage()).rejects.toThrow();
    } finally {
      await server.close();
    }
  });

  it('drops the connection after the given number of events', async () => {
    const server = await serveFixture('text', { dropAfterEvents: 6 });
    try {
      const stream = sdk(server.url).messages.stream(request);
      const seen: string[] = [];
      stream.on('streamEvent', (event) => seen.push(event.type));
      await expect(stream.finalMessage()).rejects.toThrow();
      // Six events on the wire; the SDK keeps pings to itself, so five reach the listener.
      expect(seen).toEqual([
        'message_start',
        'content_block_start',
        'content_block_delta',
        'content_block_delta',
        'content_block_delta',
      ]);
    } finally {
      await server.close();
    }
  });
});
