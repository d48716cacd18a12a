import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { sessionIds } from '../../src/journal/newest-session.js';
import { sessionPath } from '../../src/journal/state-dir.js';
import { cleanEnv } from '../support/cli.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { tempStateDir } from '../support/journaled.js';
import { KEYS, PtyScreen } from '../support/pty-screen.js';

const track = closeAfterEach();

/** The `request` records of a session file: how many messages each turn sent. */
function messagesSent(dir: string): number[] {
  const id = sessionIds(dir)[0]?.id as string;
  return readFileSync(sessionPath(dir, id), 'utf8')
    .split('\n')
    .filter((line) => line.includes('"type":"request"'))
    .map((line) => JSON.parse(line).u.messages as number);
}

test('kill -9 mid-stream, then --continue: every finished cell, the partial one, and the history go on', async () => {
  const state = tempStateDir();
  track({ close: async () => state.remove() });
  // Realistic pace, so the second reply is still streaming when the process is killed.
  const env = cleanEnv({ STREAMBOOK_OFFLINE_PACE: 'realistic' });
  const args = ['--offline', '--state-dir', state.dir];
  const first = track(await PtyScreen.open(args, { env }));
  await first.type('tell me something');
  first.write(KEYS.enter);
  await first.waitFor(/Out\[1\][\s\S]*end_turn · TTFT/, 20_000);
  await first.type('/scenario long');
  first.write(KEYS.enter);
  await first.type('a long one');
  first.write(KEYS.enter);
  await first.waitFor(/Out\[2\][\s\S]*\w+ \w+ \w+/, 20_000);
  first.kill();
  await first.exited;

  const again = track(await PtyScreen.open([...args, '--continue'], { env: cleanEnv() }));
  await again.waitFor(
    /Out\[1\][\s\S]*end_turn · TTFT[\s\S]*Out\[2\][\s\S]*cut off when streambook stopped/,
    20_000,
  );
  await again.type('/scenario chat');
  again.write(KEYS.enter);
  await again.type('and then?');
  again.write(KEYS.enter);
  await again.waitFor(/Out\[3\][\s\S]*end_turn · TTFT/, 20_000);
  // Turn 3 sent turn 1 whole, turn 2's prompt with its partial reply, and the new prompt.
  expect(messagesSent(state.dir)).toEqual([1, 3, 5]);
}, 90_000);
