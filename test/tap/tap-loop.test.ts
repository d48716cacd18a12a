import { createServer } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { startTap, type TapServer } from '../../src/tap/tap-server.js';
import { cleanEnv, runCli } from '../support/cli.js';
import { tempStateDir } from '../support/journaled.js';
import { rawExchange } from './raw-exchange.js';

// Run `npm run build` first: the CLI case drives dist/cli.js.

const state = tempStateDir();
const opened: TapServer[] = [];
afterEach(async () => {
  for (const tap of opened.splice(0)) await tap.close();
  state.remove();
});

async function freePort(): Promise<number> {
  const free = createServer();
  await new Promise<void>((resolve) => free.listen(0, '127.0.0.1', resolve));
  const { port } = free.address() as { port: number };
  await new Promise((resolve) => free.close(resolve));
  return port;
}

async function tap(host: string, port: number, upstream: string): Promise<TapServer> {
  const started = await startTap({
    port,
    host,
    upstream,
    stateDir: state.dir,
    log: () => {},
    warn: () => {},
  });
  opened.push(started);
  return started;
}

it('refuses, in one line, an upstream that is its own wildcard bind reached on loopback', async () => {
  const port = String(await freePort());
  const result = await runCli(
    [
      'tap',
      '--host',
      '0.0.0.0',
      '--port',
      port,
      '--upstream',
      `http://127.0.0.1:${port}`,
      '--state-dir',
      state.dir,
    ],
    { env: cleanEnv() },
  );
  expect(result.code).toBe(2);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toContain("is the tap's own address");
}, 60_000);

it('gives its URL on loopback when bound to a wildcard address', async () => {
  const started = await tap('0.0.0.0', 0, 'http://127.0.0.1:9');
  expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
});

it('answers 508 Loop Detected when a request it forwarded comes back to it', async () => {
  // Two taps that forward to each other: no address check can see this loop.
  const [a, b] = [await freePort(), await freePort()];
  const first = await tap('127.0.0.1', a, `http://127.0.0.1:${b}`);
  await tap('127.0.0.1', b, `http://127.0.0.1:${a}`);
  const body = JSON.stringify({ model: 'm', max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] });
  const answer = await rawExchange(`${first.url}/v1/messages`, body, { 'content-type': 'application/json' });
  expect(answer.status).toBe(508);
  const error = JSON.parse(answer.body.toString()) as { type: string; error: { message: string } };
  expect(error.type).toBe('error');
  expect(error.error.message).toContain('came back to the tap');
});
