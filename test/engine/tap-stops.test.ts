import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { fixturePath, listenOnLoopback, serveFixture } from '../support/sse-fixture-server.js';
import { clientFor, collectTurn } from '../support/turns.js';

/** The malformed recording in one write, so the tap has every event before the SDK parses one. */
async function serveInOneChunk(name: string) {
  const body = readFileSync(fixturePath(name));
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'text/event-stream' }).end(body);
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
