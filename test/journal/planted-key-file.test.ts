import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { sessionsDir } from '../../src/journal/state-dir.js';
import { cleanEnv, runCli } from '../support/cli.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { journaledSession, tempStateDir } from '../support/journaled.js';
import { type EchoFailure, leaks, PLANTED_KEY, serveKeyEcho } from '../support/key-echo-server.js';
import { withOfflineServer } from '../support/offline.js';

const track = closeAfterEach();
const dirs: Array<{ remove(): void }> = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
});

/** Every file below `dir`, as text. */
function everyFile(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
}

describe('a session file holds no piece of the key', () => {
  test.each<EchoFailure>(['stream', 'http', 'event'])(
    'a server that echoes the key (%s), twice over (-c)',
    async (failure) => {
      const server = track(await serveKeyEcho(failure));
      const state = tempStateDir();
      dirs.push(state);
      const env = cleanEnv({ ANTHROPIC_API_KEY: PLANTED_KEY });
      for (const extra of [[], ['-c']]) {
        const args = [
          '-p',
          ...extra,
          '--state-dir',
          state.dir,
          '--base-url',
          server.url,
          '--max-retries',
          '1',
          // The user's own prompt quotes the key too: it is sent as typed, never saved so.
          `hi, my key is ${PLANTED_KEY}`,
        ];
        await runCli(args, { env });
      }
      const sessions = everyFile(sessionsDir(state.dir));
      expect(sessions).toHaveLength(1);
      const [file] = sessions as [string];
      expect(file.split('\n').filter((line) => line.includes('"r":"turn"'))).toHaveLength(2);
      expect(file).toContain('[redacted]');
      // Every file written: the session, and the prompt history beside it.
      for (const written of everyFile(state.dir)) expect(leaks(written, PLANTED_KEY)).toEqual([]);
    },
    // Two runs of the CLI: a loaded machine needs more than the default 20 s.
    60_000,
  );
});

test('the notebook saves a prompt that quotes the key with the key hidden, and still sends it as typed', async () => {
  const state = tempStateDir();
  dirs.push(state);
  await withOfflineServer({}, async (server) => {
    const { session, journal } = journaledSession(server, state.dir);
    // The key every test client has (test/support/turns.ts).
    const key = 'sk-test-key-not-real';
    session.submit(`remember ${key} for me`);
    await session.settled();
    journal.close();
    expect(session.state.history[0]).toEqual({ role: 'user', content: `remember ${key} for me` });
    expect(session.state.cells[0]?.prompt).toBe('remember [redacted] for me');
    for (const written of everyFile(state.dir)) expect(written).not.toContain(key);
  });
});
