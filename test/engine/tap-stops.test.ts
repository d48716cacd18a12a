import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { fixturePath, listenOnLoopback, serveFixture } from '../support/sse-fixture-server.js';
import { clientFor, collectTurn } from '../support/turns.js';

/**
 * The malformed recording in one write, so the tap has every event before the SDK parses one;
 * `hold` keeps the body open after it, as a server or proxy may.
 */
async function serveInOneChunk(name: string, hold = false) {
  const body = readFileSync(fixturePath(name));
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    if (hold) res.write(body);
    else res.end(body);
  });
  return listenOnLoopback(server);
}

const SERVERS = {
  'event by event': () => serveFixture('malformed'),
  'in one chunk': () => serveInOneChunk('malformed'),
};

describe.each(['helper', 'raw'] as const)('the wire tap stops with the turn (%s)', (mode) => {
  it.each(Object.keys(SERVERS) as Array<keyof typeof SERVERS>)(
    'a malformed event ends the timeline at that event, and the counts are the turn’s (%s)',
    async (how) => {
      const server = await SERVERS[how]();
      try {
        const { outcome, wire, counts } = await collectTurn(clientFor(server.url), mode);
        expect(outcome.error?.kind).toBe('malformed');
        expect(outcome.error?.message).toMatch(/^malformed event data after 4 events: /);
        expect(wire.map((e) => e.event)).toEqual([
          'message_start',
          'content_block_start',
          'ping',
          'content_block_delta',
          'content_block_delta',
          'content_block_delta',
        ]);
        expect(wire.at(-1)?.malformed).toBe(true);
        expect(counts).toEqual({
          message_start: 1,
          content_block_start: 1,
          ping: 1,
          content_block_delta: 3,
        });
      } finally {
        await server.close();
      }
    },
  );
});

describe.each(['helper', 'raw'] as const)('the wire tap ends when the SDK leaves the body (%s)', (mode) => {
  it.each(['malformed', 'error-mid-stream'])(
    'a turn the SDK stops on a bad event (%s) ends at once, though the server holds the body open',
    async (name) => {
      const server = await serveInOneChunk(name, true);
      try {
        const started = performance.now();
        const { outcome } = await collectTurn(clientFor(server.url, 0), mode);
        expect(outcome.status).toBe('failed');
        // A tap that read on alone ended only at the turn's 2 s backstop (or the idle timeout).
        expect(performance.now() - started).toBeLessThan(1500);
      } finally {
        await server.close();
      }
    },
  );
});
