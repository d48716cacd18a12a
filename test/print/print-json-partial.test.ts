import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { CLI, type CliResult, cleanEnv, runCli, tempDir } from '../support/cli.js';
import { listenOnLoopback, sseEvent } from '../support/sse-fixture-server.js';
import { messageStart } from '../support/stream-events.js';

const KEY = 'sk-ant-test-key-0123456789abcdefghij';

/**
 * A server that streams text deltas until the client goes away, and says when it has sent
 * `ready` of them (so the reply has surely begun).
 */
async function endlessServer(ready: number) {
  let began: () => void = () => {};
  const streaming = new Promise<void>((resolve) => {
    began = resolve;
  });
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'text/event-stream', 'request-id': 'req_endless' });
    const start = messageStart('msg_endless', 9);
    res.write(sseEvent(start.event, start.data));
    res.write(
      sseEvent('content_block_start', {
        type: 'content_block_start',
        index: 0,
        content_block: { type: 'text', text: '' },
      }),
    );
    let sent = 0;
    const timer = setInterval(() => {
      res.write(
        sseEvent('content_block_delta', {
          type: 'content_block_delta',
          index: 0,
          delta: { type: 'text_delta', text: `word${sent} ` },
        }),
      );
      if (++sent === ready) began();
    }, 5);
    res.on('close', () => clearInterval(timer));
  });
  return { ...(await listenOnLoopback(server)), streaming };
}

/** Runs the built CLI against `url`, and sends SIGINT once `before` resolves. */
function interruptCli(url: string, before: Promise<void>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const env = cleanEnv({ ANTHROPIC_API_KEY: KEY });
    const child = spawn(process.execPath, [CLI, '-p', '--output-format', 'json', '--base-url', url, 'hi'], {
      cwd: tempDir(),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    void before.then(() => child.kill('SIGINT'));
  });
}

describe('print mode --output-format json when the turn does not complete', () => {
  it('writes the partial message with an error field on a mid-stream failure, and exits 1', async () => {
    const result = await runCli(['-p', '--output-format', 'json', '--scenario', 'overloaded', 'hi']);
    expect(result.code).toBe(1);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({
      type: 'message',
      role: 'assistant',
      usage_incomplete: true,
      error: { kind: 'stream_error', type: 'overloaded_error', message: expect.stringMatching(/Overloaded/) },
    });
    expect(json.content[0].text.length).toBeGreaterThan(0);
    expect(result.stderr).toMatch(/^streambook: overloaded_error mid-stream/m);
  });

  it('writes the error alone when the turn failed before any message', async () => {
    const env = cleanEnv({ ANTHROPIC_API_KEY: KEY });
    const result = await runCli(
      ['-p', '--output-format', 'json', '--offline', '--scenario', 'unauthorized', 'hi'],
      {
        env,
      },
    );
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      error: {
        kind: 'http',
        type: 'authentication_error',
        message: expect.stringMatching(/^HTTP 401 authentication_error/),
        status: 401,
        request_id: expect.any(String),
      },
    });
  });

  it('writes the partial message with an interrupted error on SIGINT, and exits 130', async () => {
    const server = await endlessServer(20);
    try {
      const result = await interruptCli(server.url, server.streaming);
      expect(result.code).toBe(130);
      expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
      const json = JSON.parse(result.stdout);
      expect(json).toMatchObject({
        id: 'msg_endless',
        stop_reason: null,
        usage_incomplete: true,
        error: { kind: 'interrupted', message: 'interrupted' },
      });
      expect(json.content[0].text).toMatch(/^word0 word1 /);
      expect(result.stderr).toMatch(/interrupted/);
    } finally {
      await server.close();
    }
  });

  it('writes a complete message exactly, with no error field', async () => {
    const result = await runCli(['-p', '--output-format', 'json', 'hi']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.error).toBeUndefined();
    expect(json.usage_incomplete).toBeUndefined();
    expect(json.stop_reason).toBe('end_turn');
  });
});
