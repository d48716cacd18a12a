import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../src/engine/client.js';
import { openConnection } from '../../src/engine/connection.js';
import { REDACTED } from '../../src/engine/redact.js';
import type { StreamMode } from '../../src/engine/types.js';
import { PLANTED_KEY as KEY, leaks, serveKeyEcho } from '../support/key-echo-server.js';
import type { FixtureServer } from '../support/sse-fixture-server.js';
import { collectTurn } from '../support/turns.js';

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Everything a consumer of the turn could show or save: every update and the outcome. */
function everything(result: Awaited<ReturnType<typeof collectTurn>>): string {
  return JSON.stringify({ updates: result.updates, outcome: result.outcome });
}

describe.each<StreamMode>(['helper', 'raw'])('a server that echoes the key (%s mode)', (mode) => {
  it('never shows the key in any update, and the text reads as sent but for it', async () => {
    server = await serveKeyEcho('stream');
    const result = await collectTurn(createClient({ apiKey: KEY, baseURL: server.url, maxRetries: 0 }), mode);
    expect(result.outcome.status).toBe('complete');
    expect(leaks(everything(result), KEY)).toEqual([]);
    // The wire events' text put back together, as a reader of stream-json would.
    const wireText = result.wire.map((e) => (e.json as { delta?: { text?: string } }).delta?.text ?? '');
    expect(leaks(wireText.join(''), KEY)).toEqual([]);
    expect(result.text).toBe(
      `Your key is ${REDACTED}, and again: ${REDACTED}.${REDACTED} Escaped: ${REDACTED}`,
    );
    expect(result.outcome.message?.stop_sequence).toBe(REDACTED);
    expect(result.counts).toHaveProperty(`key_${REDACTED}`, 1);
    const tool = result.outcome.message?.content.find((block) => block.type === 'tool_use');
    expect(tool).toMatchObject({ id: `toolu_${REDACTED}`, input: { key: REDACTED } });
  });

  it.each(['http', 'event'] as const)(
    'keeps a %s error message to one line, without the key',
    async (failure) => {
      server = await serveKeyEcho(failure);
      const result = await collectTurn(
        createClient({ apiKey: KEY, baseURL: server.url, maxRetries: 0 }),
        mode,
      );
      expect(result.outcome.status).toBe('failed');
      expect(leaks(everything(result), KEY)).toEqual([]);
      const message = result.outcome.error?.message ?? '';
      expect(message).not.toMatch(/[\r\n]/);
      expect(message).toContain(`${REDACTED}\u240astreambook: forged line`);
    },
  );
});

describe('without a key (offline)', () => {
  it('redacts nothing: the offline ids keep the word offline', async () => {
    const connection = await openConnection({ kind: 'offline', reason: 'flag' }, { pace: 'none' });
    const result = await collectTurn(connection.client, 'raw').finally(() => connection.close());
    expect(result.outcome.message?.id).toMatch(/^msg_offline_/);
    expect(everything(result)).not.toContain(REDACTED);
  });
});
