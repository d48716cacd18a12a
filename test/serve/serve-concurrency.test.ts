import { connect } from 'node:net';
import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/offline/random.js';
import { startServe } from '../support/serve-process.js';

// Run `npm run build` first: this loads the real process, spawned from dist/.

const PARAMS = {
  model: 'claude-sonnet-4-6',
  max_tokens: 1024,
  messages: [{ role: 'user' as const, content: 'Tell me a story' }],
};
const STREAMS = 50;
const DELTAS = 80;

type Client = 'reads it all' | 'leaves mid-stream' | 'leaves mid-request';

describe('streambook serve under load', () => {
  it(`survives ${STREAMS} concurrent streams with clients leaving at random, and answers after`, async () => {
    const serve = await startServe(['--port', '0', '--pace', 'realistic', '--scenario', `long:${DELTAS}`]);
    try {
      const client = new Anthropic({ apiKey: 'any', baseURL: serve.url, maxRetries: 0, logLevel: 'off' });
      const random = seededRandom(12);
      const plan: Client[] = Array.from({ length: STREAMS }, (_, i) =>
        i % 10 === 9 ? 'leaves mid-request' : random() < 0.5 ? 'leaves mid-stream' : 'reads it all',
      );
      const outcomes = await Promise.all(
        plan.map((kind) => {
          if (kind === 'leaves mid-request') return leaveMidRequest(serve.url);
          const leaveAfter = kind === 'leaves mid-stream' ? 1 + Math.floor(random() * (DELTAS - 2)) : null;
          return readStream(client, leaveAfter).then(
            (outcome) => outcome,
            (error: unknown) => String(error),
          );
        }),
      );
      plan.forEach((kind, i) => {
        const expected = {
          'reads it all': `message_stop after ${DELTAS} deltas`,
          'leaves mid-stream': 'left',
          'leaves mid-request': 'left',
        };
        expect(`${i} ${outcomes[i]}`).toBe(`${i} ${expected[kind]}`);
      });
      expect(plan.filter((kind) => kind === 'leaves mid-stream').length).toBeGreaterThan(10);

      // Still answering, and still the same process.
      const after = await client.messages.create(PARAMS, { headers: { 'x-streambook-scenario': 'chat' } });
      expect(after.stop_reason).toBe('end_turn');
      expect(serve.child.exitCode).toBeNull();
      // One line per request: every stream, cut or whole (a client that left after the last
      // event was written counts as whole), and the requests that never arrived whole.
      const readers = plan.filter((kind) => kind !== 'leaves mid-request').length;
      const streams = await serve.loggedLines(/ long:80 200 \d+ events \d+ ms( \(cut short\))?$/, readers);
      const whole = streams.filter((line) => !line.endsWith('(cut short)'));
      expect(streams).toHaveLength(readers);
      expect(whole.length).toBeGreaterThanOrEqual(plan.filter((kind) => kind === 'reads it all').length);
      expect(whole.length).toBeLessThan(streams.length);
      const leftEarly = plan.length - readers;
      const unanswered = await serve.loggedLines(/ POST \/v1\/messages - no response 0 events /, leftEarly);
      expect(unanswered).toHaveLength(leftEarly);
    } finally {
      await serve.stop();
    }
  }, 120_000);
});

/**
 * A raw stream read event by event; with `leaveAfter`, the client leaves after that many text
 * deltas by breaking out of the loop, which aborts the request. (messages.stream()'s abort()
 * from a 'text' listener left finalMessage() unsettled now and then in SDK 1.x: not a server
 * matter, and not what this test is about.)
 */
async function readStream(client: Anthropic, leaveAfter: number | null): Promise<string> {
  const stream = await client.messages.create({ ...PARAMS, stream: true });
  let deltas = 0;
  let last = '';
  for await (const event of stream) {
    last = event.type;
    if (event.type === 'content_block_delta' && ++deltas === leaveAfter) return 'left';
  }
  return `${last} after ${deltas} deltas`;
}

/** A client that sends the headers and half a body, then goes. */
function leaveMidRequest(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  const body = JSON.stringify(PARAMS);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `POST /v1/messages HTTP/1.1\r\nhost: x\r\nx-api-key: any\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body.slice(0, 20)}`,
        () => {
          socket.destroy();
          resolve('left');
        },
      );
    });
    socket.on('error', reject);
  });
}
