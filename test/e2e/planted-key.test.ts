import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cleanEnv, runCli, tempDir } from '../support/cli.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { type EchoFailure, leaks, PLANTED_KEY, serveKeyEcho } from '../support/key-echo-server.js';
import { clipboardWrites, KEYS, PtyScreen } from '../support/pty-screen.js';
import type { FixtureServer } from '../support/sse-fixture-server.js';

/**
 * A hostile API echoes the key the app sends into every field of its answer; every byte the
 * app then writes (stdout, stderr, the screen, /save's file, /copy's clipboard) is searched for
 * the key and for every 20-character piece of it.
 */
let server: FixtureServer | null = null;
let screen: PtyScreen | null = null;
const track = closeAfterEach();

const env = (extra: Record<string, string> = {}) => cleanEnv({ ANTHROPIC_API_KEY: PLANTED_KEY, ...extra });

async function printAgainst(failure: EchoFailure, format: string) {
  server = track(await serveKeyEcho(failure));
  const args = ['-p', '--base-url', server.url, '--max-retries', '0', '--output-format', format, 'hi'];
  return runCli(args, { env: env() });
}

describe('print mode against a server that echoes the key', () => {
  test.each(['text', 'json', 'stream-json'])(
    '--output-format %s shows no piece of the key',
    async (format) => {
      const result = await printAgainst('stream', format);
      expect(result.code, result.stderr).toBe(0);
      expect(leaks(result.stdout + result.stderr, PLANTED_KEY)).toEqual([]);
      expect(result.stdout).toContain('[redacted]');
      if (format === 'stream-json') {
        // The wire, event by event, still JSON a reader can take.
        for (const line of result.stdout.trimEnd().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
      }
    },
  );

  test.each<EchoFailure>(['http', 'event'])(
    'a %s error that quotes the key and holds a line break is one line on stderr',
    async (failure) => {
      const result = await printAgainst(failure, 'text');
      expect(result.code).toBe(1);
      expect(leaks(result.stdout + result.stderr, PLANTED_KEY)).toEqual([]);
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines.filter((line) => line.includes('forged line'))).toHaveLength(1);
      expect(lines.every((line) => !line.startsWith('streambook: forged'))).toBe(true);
      expect(result.stderr).toContain('␊streambook: forged line');
    },
  );
});

test('offline, the word "offline" is not redacted in stream-json', async () => {
  const result = await runCli(['-p', '--offline', '--output-format', 'stream-json', 'hi']);
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/"id":"msg_offline_/);
  expect(result.stdout).not.toContain('[redacted]');
});

/** A stand-in for xclip on PATH that writes what it is given to a file, so /copy can be read back. */
function fakeClipboard(dir: string): { path: string; file: string } {
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  const file = join(dir, 'clipboard.txt');
  writeFileSync(join(bin, 'xclip'), `#!/bin/sh\ncat > '${file}'\n`);
  chmodSync(join(bin, 'xclip'), 0o755);
  return { path: `${bin}:${process.env.PATH ?? ''}`, file };
}

/** The notebook against the echoing server, after one reply; xclip writes to `clipboard.file`. */
async function echoNotebook() {
  server = track(await serveKeyEcho('stream'));
  const cwd = tempDir();
  const clipboard = fakeClipboard(cwd);
  screen = track(
    await PtyScreen.open(['--base-url', server.url, '--max-retries', '0'], {
      // Tall enough for the whole timeline, from the request-id row on.
      cols: 200,
      rows: 70,
      cwd,
      env: env({ DISPLAY: ':0', PATH: clipboard.path }),
    }),
  );
  await screen.type('hi');
  screen.write(KEYS.enter);
  await screen.waitFor(/stop_sequence · TTFT/);
  return { screen, cwd, clipboardFile: clipboard.file };
}

/** The screen as a person reads it: by lines, and with wrapped lines put back together. */
function screenText(s: PtyScreen): string[] {
  const lines = s.lines().map((line) => line.trimEnd());
  return [lines.join(''), lines.join('\n')];
}

test('the notebook screen, its timeline and /save show no piece of the key', async () => {
  const { screen, cwd } = await echoNotebook();
  // The timeline: the request-id row and the unknown event's name. It is on screen from the
  // start; Ctrl+T brings it back only if it was hidden.
  if (!screen.text().includes('Timeline ·')) screen.write(KEYS.ctrlT);
  await screen.waitFor(/req_\[redacted\][\s\S]*key_\[redacted\]/);
  await screen.type('/save cell.json');
  screen.write(KEYS.enter);
  await screen.waitFor(/Saved cell 1 JSON/);
  const saved = readFileSync(join(cwd, 'cell.json'), 'utf8');
  expect(saved).toContain('[redacted]');
  for (const written of [screen.output, ...screenText(screen), saved]) {
    expect(leaks(written, PLANTED_KEY)).toEqual([]);
  }
});

test('/copy sends no piece of the key, by OSC 52 or to the system clipboard', async () => {
  const { screen, clipboardFile } = await echoNotebook();
  await screen.type('/copy');
  screen.write(KEYS.enter);
  await screen.waitFor(/copied with xclip/);
  const copied = readFileSync(clipboardFile, 'utf8');
  expect(copied).toContain('[redacted]');
  expect(clipboardWrites(screen.output)).toEqual([copied]);
  for (const written of [screen.output, ...screenText(screen), copied]) {
    expect(leaks(written, PLANTED_KEY)).toEqual([]);
  }
});

test('an error event with a line break stays on one row in the cell (the timeline: test/ui/timeline-one-line)', async () => {
  server = track(await serveKeyEcho('event'));
  screen = track(
    await PtyScreen.open(['--base-url', server.url, '--max-retries', '0'], { cols: 200, env: env() }),
  );
  await screen.type('hi');
  screen.write(KEYS.enter);
  await screen.waitFor(/✗ overloaded_error mid-stream/);
  if (!screen.text().includes('Timeline ·')) screen.write(KEYS.ctrlT);
  await screen.waitFor(/overloaded_error: echo \[redacted\]/);
  const rows = screen.lines().filter((line) => line.includes('forged line'));
  // Each row that shows the message shows the break as ␊; none starts with the forged line.
  expect(rows.length).toBeGreaterThanOrEqual(1);
  for (const row of rows) expect(row).toMatch(/␊streambook: forged line/);
  expect(leaks(screen.output, PLANTED_KEY)).toEqual([]);
});
