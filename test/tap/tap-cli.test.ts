import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJournal } from '../../src/journal/read-journal.js';
import { restoreSession } from '../../src/journal/restore.js';
import { sessionPath, sessionsDir } from '../../src/journal/state-dir.js';
import { type OfflineServer, startOfflineServer } from '../../src/offline/server.js';
import { cleanEnv, runCli, tempDir } from '../support/cli.js';
import { tempStateDir } from '../support/journaled.js';
import { leaks, PLANTED_KEY } from '../support/key-echo-server.js';

// Run `npm run build` first: these drive dist/cli.js.

const SDK = pathToFileURL(join(process.cwd(), 'node_modules/@anthropic-ai/sdk/index.mjs')).href;

/**
 * The first seed notebook's loop, as an app would have it: the SDK from the environment
 * (ANTHROPIC_BASE_URL is the tap's), the stream's text to stdout, then the exit code asked for.
 */
const CLIENT = `
import Anthropic from '${SDK}';
const client = new Anthropic({ maxRetries: 0 });
const stream = client.messages.stream({
  model: 'claude-sonnet-4-6',
  max_tokens: 300,
  messages: [{ role: 'user', content: process.argv[2] }],
});
stream.on('text', (text) => process.stdout.write(text));
const message = await stream.finalMessage();
process.stdout.write('\\nSTOP ' + message.stop_reason + '\\n');
if (process.argv[3] === 'TERM') process.kill(process.pid, 'SIGTERM');
else process.exit(Number(process.argv[3] ?? 0));
`;

/** The same loop with python3's standard library (the Python SDK can't be installed here). */
const PY_CLIENT = `
import http.client, json, os, sys, urllib.parse
url = urllib.parse.urlsplit(os.environ['ANTHROPIC_BASE_URL'])
conn = http.client.HTTPConnection(url.hostname, url.port)
body = {'model': 'claude-sonnet-4-6', 'max_tokens': 300, 'stream': True,
        'messages': [{'role': 'user', 'content': sys.argv[1]}]}
conn.request('POST', '/v1/messages', json.dumps(body), {
    'content-type': 'application/json', 'anthropic-version': '2023-06-01',
    'x-api-key': os.environ['ANTHROPIC_API_KEY']})
response = conn.getresponse()
for line in response:
    if line.startswith(b'data: '):
        event = json.loads(line[6:])
        if event['type'] == 'content_block_delta' and event['delta']['type'] == 'text_delta':
            print(event['delta']['text'], end='', flush=True)
        if event['type'] == 'message_delta':
            print('\\nSTOP', event['delta']['stop_reason'])
`;

describe('streambook tap -- CMD', () => {
  const state = tempStateDir();
  const work = tempDir();
  const client = join(work, 'client.mjs');
  let server: OfflineServer;
  const env = () => cleanEnv({ ANTHROPIC_API_KEY: PLANTED_KEY, ANTHROPIC_BASE_URL: server.url });
  const tap = (...args: string[]) =>
    runCli(['tap', '--port', '0', '--state-dir', state.dir, ...args], { env: env(), cwd: work });

  beforeAll(async () => {
    writeFileSync(client, CLIENT);
    server = await startOfflineServer({ pace: 'none', scenario: 'chat' });
  });
  afterAll(async () => {
    await server.close();
    state.remove();
  });

  it("runs the command through the tap and exits with the command's exit code", async () => {
    const result = await tap('--', process.execPath, client, 'hello through the tap', '7');
    expect(result.code, result.stderr).toBe(7);
    expect(result.stdout).toContain('STOP end_turn');
    // The command's stdout is its own: the tap's lines are on stderr.
    expect(result.stdout).not.toContain('ANTHROPIC_BASE_URL');
    expect(result.stderr).toMatch(/export ANTHROPIC_BASE_URL=http:\/\/127\.0\.0\.1:\d+/);
    expect(result.stderr).toMatch(/POST \/v1\/messages → 200 · \d+ events/);
    const id = /saved session (\S+):/.exec(result.stderr)?.[1] as string;
    const { cells } = restoreSession(readJournal(sessionPath(state.dir, id))).state;
    expect(cells).toHaveLength(1);
    expect(cells[0]).toMatchObject({ prompt: 'hello through the tap', status: 'complete' });
    const text = cells[0]?.message?.content.map((b) => ('text' in b ? b.text : '')).join('');
    expect(text?.length).toBeGreaterThan(20);
    expect(result.stdout).toContain(text);

    // The tapped session is a session like any other: replayed offline, it gives the same answer.
    const replay = await runCli(['-p', '--state-dir', state.dir, '--replay', `${id}:1`], { env: cleanEnv() });
    expect(replay.code, replay.stderr).toBe(0);
    expect(replay.stdout.trim()).toBe(text?.trim());
    // And the notebook goes on with it (print mode resumes it as the notebook does).
    const resumed = await runCli(['-p', '--state-dir', state.dir, '-r', id, 'and then?'], {
      env: cleanEnv(),
    });
    expect(resumed.code, resumed.stderr).toBe(0);

    for (const file of readdirSync(sessionsDir(state.dir)))
      expect(leaks(readFileSync(join(sessionsDir(state.dir), file), 'utf8'), PLANTED_KEY)).toEqual([]);
    expect(leaks(result.stdout + result.stderr, PLANTED_KEY)).toEqual([]);
  }, 60_000);

  it('records a Python app that reads the stream with the standard library', async () => {
    const script = join(work, 'client.py');
    writeFileSync(script, PY_CLIENT);
    const result = await tap('--', 'python3', script, 'hello from python');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('STOP end_turn');
    const id = /saved session (\S+):/.exec(result.stderr)?.[1] as string;
    const [cell] = restoreSession(readJournal(sessionPath(state.dir, id))).state.cells;
    expect(cell).toMatchObject({ prompt: 'hello from python', status: 'complete' });
    const text = cell?.message?.content.map((b) => ('text' in b ? b.text : '')).join('') ?? '';
    expect(result.stdout).toContain(text);
  }, 60_000);

  it('gives 128 + the signal when the command dies by one', async () => {
    const result = await tap('--', process.execPath, client, 'die', 'TERM');
    expect(result.code, result.stderr).toBe(143);
  }, 60_000);

  it('passes SIGTERM on to the command and waits for it to finish', async () => {
    const script =
      "process.on('SIGTERM', () => process.exit(5)); setInterval(() => {}, 1000); console.log('ready');";
    const result = await runCli(
      ['tap', '--port', '0', '--state-dir', state.dir, '--', process.execPath, '-e', script],
      {
        env: env(),
        onStdout: (chunk, child) => {
          if (chunk.includes('ready')) child.kill('SIGTERM');
        },
      },
    );
    expect(result.code, result.stderr).toBe(5);
  }, 60_000);

  it('says in one line that a command is not found, and exits 127', async () => {
    const result = await tap('--', 'no-such-command-streambook');
    expect(result.code).toBe(127);
    const lines = result.stderr.trim().split('\n');
    expect(lines.filter((line) => line.includes('no-such-command-streambook'))).toEqual([
      'streambook: no-such-command-streambook: command not found; check its name or PATH',
    ]);
  }, 60_000);

  it('says in one line that the port is taken, and exits 1', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = String((taken.address() as { port: number }).port);
    try {
      const result = await runCli(['tap', '--port', port, '--state-dir', state.dir], { env: env() });
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(
        `streambook: port ${port} on 127.0.0.1 is in use: pick another with --port N (0 picks a free one)`,
      );
    } finally {
      taken.close();
    }
  }, 60_000);

  it('refuses to forward to itself, in one line', async () => {
    const free = createServer();
    await new Promise<void>((resolve) => free.listen(0, '127.0.0.1', resolve));
    const port = String((free.address() as { port: number }).port);
    await new Promise((resolve) => free.close(resolve));
    const self = cleanEnv({ ANTHROPIC_BASE_URL: `http://127.0.0.1:${port}` });
    const result = await runCli(['tap', '--port', port, '--state-dir', state.dir], { env: self });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(
      "is the tap's own address (is ANTHROPIC_BASE_URL left from an earlier export?)",
    );
  }, 60_000);

  it('runs until SIGINT on its own, printing its URL and the export line', async () => {
    let url = '';
    const result = await runCli(['tap', '--port', '0', '--state-dir', state.dir], {
      env: env(),
      onStdout: (_chunk, child) => {
        const match = /export ANTHROPIC_BASE_URL=(\S+)/.exec(_chunk);
        if (!match || url) return;
        url = match[1] as string;
        fetch(`${url}/v1/models`, { headers: { 'x-api-key': PLANTED_KEY } })
          .then((answer) => answer.text())
          .finally(() => child.kill('SIGINT'));
      },
    });
    expect(result.code, result.stderr).toBe(130);
    expect(result.stdout).toMatch(
      /^tap on http:\/\/127\.0\.0\.1:\d+, forwarding to http:\/\/127\.0\.0\.1:\d+/,
    );
    expect(result.stderr).toMatch(/GET \/v1\/models → 404 · 0 events/);
    expect(result.stderr).toMatch(/saved session \S+: streambook -r/);
  }, 60_000);
});
