import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KNOWN_EVENT_TYPES } from '../../src/engine/types.js';
import { type OfflineServer, startOfflineServer } from '../../src/offline/server.js';
import { listFixtures, serveFixture } from '../support/sse-fixture-server.js';
import { clientFor, collectTurn, comparable } from '../support/turns.js';

const FAILING_FIXTURES = new Set(['error-mid-stream', 'no-stop', 'malformed']);
const COMPLETE_FIXTURES = listFixtures().filter((name) => !FAILING_FIXTURES.has(name));
const COMPLETE_SCENARIOS = [
  'chat',
  'long',
  'thinking',
  'tool-use',
  'server-tool',
  'refusal',
  'max-tokens',
  'unknown-event',
];

describe('helper and raw modes build the same final message', () => {
  it('has a corpus to compare over', () => {
    expect(COMPLETE_FIXTURES.length).toBeGreaterThanOrEqual(8);
  });

  describe.each(COMPLETE_FIXTURES)('recorded stream %s', (name) => {
    it('gives deep-equal messages in both modes, equal to the SDK accumulating it alone', async () => {
      const server = await serveFixture(name);
      try {
        const client = clientFor(server.url);
        const helper = await collectTurn(client, 'helper');
        const raw = await collectTurn(client, 'raw');
        const sdkAlone = await client.messages
          .stream({
            model: 'claude-sonnet-4-6',
            max_tokens: 100,
            messages: [{ role: 'user', content: 'hi' }],
          })
          .finalMessage();
        expect(helper.outcome.status).toBe('complete');
        expect(raw.outcome.status).toBe('complete');
        expect(comparable(raw.outcome.message)).toEqual(comparable(helper.outcome.message));
        expect(comparable(raw.outcome.message)).toEqual(comparable(sdkAlone));
        expect(raw.text).toBe(helper.text);
      } finally {
        await server.close();
      }
    });
  });

  describe('offline scenarios', () => {
    let server: OfflineServer;
    beforeAll(async () => {
      server = await startOfflineServer({ pace: 'none' });
    });
    afterAll(() => server.close());

    it.each(COMPLETE_SCENARIOS)('%s gives deep-equal messages in both modes', async (scenario) => {
      server.setScenario(scenario);
      const client = clientFor(server.url);
      const settings = { maxTokens: 4000 };
      const helper = await collectTurn(client, 'helper', { settings });
      const raw = await collectTurn(client, 'raw', { settings });
      expect(helper.outcome.status).toBe('complete');
      expect(raw.outcome.status).toBe('complete');
      // Each request gets a fresh message id; everything else is the same plan.
      const withoutId = (m: unknown) => ({ ...(m as object), id: 'msg' });
      expect(withoutId(comparable(raw.outcome.message))).toEqual(
        withoutId(comparable(helper.outcome.message)),
      );
      expect(raw.wire.map((e) => e.event)).toEqual(helper.wire.map((e) => e.event));
    });
  });

  it('keeps a block and a delta of types no SDK knows, exactly as they came', async () => {
    const server = await serveFixture('unknown-types');
    try {
      const raw = await collectTurn(clientFor(server.url), 'raw');
      const known = new Set(['text', 'thinking', 'redacted_thinking', 'tool_use', 'server_tool_use']);
      const unknownBlocks = raw.outcome.message?.content.filter((block) => !known.has(block.type)) ?? [];
      expect(unknownBlocks.length).toBeGreaterThan(0);
      const started = raw.wire.find(
        (e) =>
          e.event === 'content_block_start' &&
          !known.has((e.json as { content_block: { type: string } }).content_block.type),
      );
      expect(unknownBlocks[0]).toEqual(
        (started?.json as { content_block: unknown } | undefined)?.content_block,
      );
      const names = new Set(raw.wire.map((e) => e.event));
      expect([...names].some((n) => n && !KNOWN_EVENT_TYPES.has(n))).toBe(true);
    } finally {
      await server.close();
    }
  });
});
