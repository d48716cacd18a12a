import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cleanEnv, tempDir } from '../support/cli.js';
import { KEYS, PtyScreen } from '../support/pty-screen.js';

describe('/settings in the built CLI', () => {
  test('says where each setting came from (flag, env, .env, default, /command) and what the next turn sends', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, '.env'), 'STREAMBOOK_MAX_TOKENS=2048\n');
    const env = cleanEnv({ STREAMBOOK_SYSTEM: 'Be brief.' });
    const screen = await PtyScreen.open(['--offline', '--model', 'claude-test-1'], { cwd, env });
    try {
      await screen.type('/settings');
      screen.write(KEYS.enter);
      const shown = await screen.waitFor(/"stream": true/);
      expect(shown).toMatch(/model +claude-test-1 +from --model/);
      expect(shown).toMatch(/max tokens +2048 +from \.env STREAMBOOK_MAX_TOKENS/);
      expect(shown).toMatch(/system prompt +'Be brief\.' \(9 chars\) +from env STREAMBOOK_SYSTEM/);
      expect(shown).toMatch(/thinking +off +from default/);
      expect(shown).toMatch(/endpoint +offline \(simulated; scenario chat\) +from --offline/);
      expect(shown).toMatch(/"max_tokens": 2048,/);

      screen.write(KEYS.escape);
      await screen.waitFor((text) => !text.includes('"stream": true'));
      await screen.type('/model claude-test-2');
      screen.write(KEYS.enter);
      await screen.waitFor(/Model: claude-test-2/);
      await screen.type('/settings');
      screen.write(KEYS.enter);
      expect(await screen.waitFor(/"model": "claude-test-2"/)).toMatch(/model +claude-test-2 +from \/model/);
    } finally {
      screen.kill();
    }
  });
});
