import { describe, expect, it } from 'vitest';
import { startOfflineServer } from '../../src/offline/server.js';
import { serveFixture } from '../support/sse-fixture-server.js';
import { turnOn } from '../support/turns.js';

describe.each(['helper', 'raw'] as const)('the usage of a turn cut short (%s)', (mode) => {
  it('is marked not final, with no output count or rate, when the stream drops before message_delta', async () => {
    const server = await serveFixture('text', { dropAfterEvents: 8 });
    const { outcome } = await turnOn(server, mode, { maxRetries: 0 });
    expect(outcome.status).toBe('failed');
    expect(outcome.message?.usage.output_tokens).toBe(1);
    expect(outcome.metrics).toMatchObject({ usageFinal: false, outputTokens: null, tokensPerSecond: null });
  });

  it('is marked not final when the user interrupts', async () => {
    const server = await startOfflineServer({ pace: { deltasPerSecond: 200 }, scenario: 'long:400' });
    const abort = new AbortController();
    let texts = 0;
    const { outcome } = await turnOn(server, mode, {
      signal: abort.signal,
      onUpdate: (u) => {
        if (u.type === 'text' && ++texts === 5) abort.abort();
      },
    });
    expect(outcome.status).toBe('interrupted');
    expect(outcome.metrics).toMatchObject({ usageFinal: false, outputTokens: null, tokensPerSecond: null });
  });

  it('is final once message_delta came, even when message_stop never does', async () => {
    const { outcome } = await turnOn(await serveFixture('no-stop'), mode, { maxRetries: 0 });
    expect(outcome.status).toBe('failed');
    expect(outcome.metrics).toMatchObject({ usageFinal: true, outputTokens: 23 });
  });
});
