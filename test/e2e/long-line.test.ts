import { describe, expect, test } from 'vitest';
import { cleanEnv } from '../support/cli.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { serveLongLine } from '../support/long-line-server.js';
import { KEYS, PtyScreen } from '../support/pty-screen.js';
import type { FixtureServer } from '../support/sse-fixture-server.js';

// 256 KiB of `x` with no space took 127 s to stream, and neither Esc nor SIGTERM acted
// meanwhile: each frame wrapped the whole line again. The stream stays open after the line,
// so only the notebook can end the turn.
const LINE = { chars: 256 * 1024, perDelta: 128, end: false };
// Generous: these wait for an outcome, they do not time it (that is the benchmark's job).
const OUTCOME_MS = 60_000;
const TEST_MS = 150_000;

let server: FixtureServer | null = null;
let screen: PtyScreen | null = null;

const track = closeAfterEach();

async function streamLongLine(): Promise<PtyScreen> {
  server = track(await serveLongLine(LINE));
  screen = track(
    await PtyScreen.open(['--base-url', server.url, '--max-retries', '0'], {
      env: cleanEnv({ ANTHROPIC_API_KEY: 'sk-ant-dummy-key-for-tests' }),
    }),
  );
  await screen.type('write one long line');
  screen.write(KEYS.enter);
  // The timeline's header counts the deltas the notebook has taken in: all of the line is in.
  await screen.waitFor((text) => /block_delta 2048/.test(text) && /x{40}/.test(text), OUTCOME_MS);
  return screen;
}

describe('a 256 KiB line with no space', () => {
  test(
    'Esc stops the turn once the whole line is in, and the screen says so',
    async () => {
      const s = await streamLongLine();
      s.write(KEYS.escape);
      const text = await s.waitFor(/⏸ interrupted/, OUTCOME_MS);
      expect(text).toMatch(/x{40}/);
      expect(s.exit).toBeNull();
    },
    TEST_MS,
  );

  test(
    'SIGTERM ends the process once the whole line is in',
    async () => {
      const s = await streamLongLine();
      s.process.kill('SIGTERM');
      expect((await s.waitForExit(OUTCOME_MS)).exitCode).toBe(143);
    },
    TEST_MS,
  );
});
