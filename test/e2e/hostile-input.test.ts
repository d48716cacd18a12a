import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempDir } from '../support/cli.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { leaks, osc52, shown } from '../support/planted-escapes.js';
import { clipboardSequenceCount, KEYS, PtyScreen, READY } from '../support/pty-screen.js';

/*
 * Text the user brings must not reach the terminal as escape sequences either: typed into a
 * command, pasted into a prompt, or set in a .env file a cloned repository can bring. The real
 * CLI runs offline in a pseudo-terminal.
 */

let screen: PtyScreen | null = null;
const track = closeAfterEach();

describe('hostile text typed, pasted or read from .env never reaches the terminal raw', () => {
  test('an escape sequence typed into /model or pasted into a prompt does not reach the terminal raw', async () => {
    screen = track(await PtyScreen.open(['--offline']));
    const s = screen;
    s.write(`/model x${osc52('typed')}`);
    await s.waitFor(/› \/model x/);
    s.write(KEYS.enter);
    // The command ran (it took the name, or refused it): the prompt is empty again.
    await s.waitFor(/› +Type a prompt/);
    // Bracketed paste hands text over as it is; a paste with the sequence neither acts.
    s.write(`\u001b[200~${osc52('pasted')} as a prompt\u001b[201~`);
    await s.waitFor(/as a prompt/);
    s.write(KEYS.enter);
    const text = await s.waitFor(/end_turn · TTFT/);
    // The terminal's input parser eats the ESC; the BEL after the payload is left, as a stand-in.
    expect(text).toMatch(/In \[1\]: ␛?\]52;c;cGFzdGVk␇ as a prompt/);
    expect(clipboardSequenceCount(s.output)).toBe(0);
    expect(leaks(s.output)).toEqual([]);
  });

  test('a model name from .env with an escape sequence does not reach the terminal raw', async () => {
    // .env in the working directory fills in the environment: a cloned repository can bring one.
    const cwd = tempDir();
    writeFileSync(join(cwd, '.env'), `STREAMBOOK_MODEL="claude${osc52('dotenv')}"\n`);
    screen = track(new PtyScreen(['--offline'], { cwd }));
    const s = screen;
    // Refusing the name (a usage error) is as good as showing it safely.
    const ready = s.waitFor(READY).then(
      (text) => text,
      () => null,
    );
    await Promise.race([ready, s.exited]);
    if (s.exit === null) {
      const text = await ready;
      expect(leaks(s.output)).toEqual([]);
      expect(text).toContain(`claude${shown('dotenv')}`);
    } else {
      expect(s.exit.exitCode).toBe(2);
      expect(leaks(s.output)).toEqual([]);
    }
  });
});
