import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { startServe } from '../support/serve-process.js';

// Run `npm run build` first: these signal the real process, spawned from dist/.

const PARAMS = {
  model: 'claude-sonnet-4-6',
  max_tokens: 4096,
  messages: [{ role: 'user' as const, content: 'Tell me a long story' }],
};

describe('streambook serve stops cleanly', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    'on %s, mid-stream: the stream is closed, the request logged, exit %i',
    async (signal, code) => {
      // long at the API's pace: about ten seconds of deltas, so the signal lands mid-stream.
      const serve = await startServe(['--port', '0', '--pace', 'realistic', '--scenario', 'long']);
      const client = new Anthropic({ apiKey: 'any', baseURL: serve.url, maxRetries: 0, logLevel: 'off' });
      const stream = client.messages.stream(PARAMS);
      const firstText = new Promise<void>((resolve) => stream.once('text', () => resolve()));
      const ended = stream.finalMessage().then(
        () => 'finished',
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      );
      await firstText;
      const exit = await serve.stop(signal);
      expect(exit).toEqual({ code, signal: null });
      // The client is told at once: its stream ends in an error, not a hang.
      expect(await ended).not.toBe('finished');
      const lines = serve.stderr().trimEnd().split('\n');
      expect(lines.at(-1)).toBe(`streambook: stopped by ${signal}; any stream in flight was closed`);
      expect(lines.find((line) => / POST \/v1\/messages long 200 /.test(line))).toMatch(/ \(cut short\)$/);
    },
  );

  it('with no request in flight, stops at once', async () => {
    const serve = await startServe(['--port', '0']);
    expect(await serve.stop('SIGINT')).toEqual({ code: 130, signal: null });
    await expect(fetch(serve.url)).rejects.toThrow();
  });
});
