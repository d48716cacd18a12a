import { afterAll, beforeAll, expect, test } from 'vitest';
import { startOfflineServer } from '../../src/offline/server.js';
import { startTap } from '../../src/tap/tap-server.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { tempStateDir } from '../support/journaled.js';
import { PtyScreen } from '../support/pty-screen.js';
import { rawExchange } from '../tap/raw-exchange.js';
import { tappedCells } from '../tap/tapped-cells.js';

const track = closeAfterEach();
const state = tempStateDir();
let id = '';

// Run `npm run build` first: the built CLI in a pty, as a person runs it.
beforeAll(async () => {
  const server = await startOfflineServer({ pace: 'none', scenario: 'chat' });
  const tap = await startTap({
    port: 0,
    host: '127.0.0.1',
    upstream: server.url,
    stateDir: state.dir,
    log: () => {},
    warn: () => {},
  });
  const headers = { 'content-type': 'application/json', 'x-api-key': 'sk-some-app-key' };
  const ask = (content: string, stream = true) =>
    JSON.stringify({
      model: 'claude-sonnet-4-6',
      max_tokens: 300,
      stream,
      messages: [{ role: 'user', content }],
    });
  await rawExchange(`${tap.url}/v1/messages`, ask('first tapped question'), headers);
  await rawExchange(`${tap.url}/v1/models`, ask('listed'), headers);
  await rawExchange(`${tap.url}/v1/messages`, ask('second tapped question'), headers);
  await tappedCells(tap, state.dir, 3);
  id = tap.sessionId as string;
  await tap.close();
  await server.close();
});
afterAll(() => state.remove());

test('streambook -r ID opens a tapped session, every turn with its timeline', async () => {
  const screen = track(await PtyScreen.open(['-r', id, '--offline', '--state-dir', state.dir]));
  const shown = await screen.waitFor(/In \[3\]: second tapped question/);
  expect(shown).toContain('In [1]: first tapped question');
  expect(shown).toContain('In [2]: POST /v1/models');
  const last = await screen.waitFor(/Timeline · cell 3 · \d+ events/);
  expect(last).toContain('HTTP 404 not_found_error: Not Found');
  expect(last).toContain('message_stop');
});
