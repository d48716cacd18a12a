import { afterEach, expect, test } from 'vitest';
import { type OfflineServer, startOfflineServer } from '../../src/offline/server.js';
import { cleanEnv } from '../support/cli.js';
import { leaks, PLANTED_KEY } from '../support/key-echo-server.js';
import { KEYS, PtyScreen } from '../support/pty-screen.js';

let server: OfflineServer | null = null;
let screen: PtyScreen | null = null;
afterEach(async () => {
  screen?.kill();
  screen = null;
  await server?.close();
  server = null;
});

test('Enter on the request row shows the body that was sent, and no piece of the key', async () => {
  // The built-in API answers as a live one would: the key goes out in the request, as it would to Anthropic.
  server = await startOfflineServer({ pace: 'none', scenario: 'chat' });
  screen = await PtyScreen.open(['--base-url', server.url], {
    env: cleanEnv({ ANTHROPIC_API_KEY: PLANTED_KEY }),
  });
  await screen.type('the "body"');
  screen.write(KEYS.enter);
  await screen.waitFor(/Timeline · cell 1 · \d+ events/);
  await screen.waitFor(/end_turn · TTFT/);
  screen.write(KEYS.tab);
  screen.write(KEYS.tab);
  screen.write(KEYS.home);
  screen.write(KEYS.enter);
  await screen.waitFor(/request · attempt 1 · POST \/v1\/messages/);
  expect(screen.text()).toMatch(new RegExp(`POST ${server.url}/v1/messages`));
  expect(screen.text()).toMatch(/(x-api-key|authorization): \[redacted\]/);
  // The body is below the headers: page down to it.
  screen.write(KEYS.pageDown);
  screen.write(KEYS.pageDown);
  const shown = await screen.waitFor(/"content": "the \\"body\\""/);
  expect(shown).toContain('"max_tokens": ');
  expect(leaks(screen.output, PLANTED_KEY)).toEqual([]);
  screen.write(KEYS.escape);
  await screen.waitFor(/Timeline · cell 1 · \d+ events/);
}, 60_000);
