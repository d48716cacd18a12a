import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { closeAfterEach } from '../support/close-after-each.js';
import { openPacedOffline } from '../support/paced-offline.js';
import { KEYS, PtyScreen, READY } from '../support/pty-screen.js';

const track = closeAfterEach();

const PASTE_START = '\u001b[200~';
const PASTE_END = '\u001b[201~';

/** A process's scheduler state from /proc: R running, S sleeping, T stopped. */
function processState(pid: number): string {
  return readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '')[0] ?? '';
}

describe('typed and pasted input in a real terminal', () => {
  test('a paste holding an ANSI escape lands as text, shown neutralized, and the app goes on', async () => {
    const screen = track(await PtyScreen.open(['--offline']));
    screen.write(`${PASTE_START}red \u001b[31mALERT\u001b[0m done${PASTE_END}`);
    await screen.waitFor(/› red ␛\[31mALERT␛\[0m done/);
    expect(screen.exit).toBeNull();
    screen.write(KEYS.enter);
    await screen.waitFor(/Out\[1\]: (?!waiting)\S/);
    expect(screen.exit).toBeNull();
  });

  test('Enter typed in the same read as text submits each line; a pasted newline stays in the prompt', async () => {
    const screen = track(await PtyScreen.open(['--offline']));
    screen.write(`${PASTE_START}first\rsecond${PASTE_END}`);
    await screen.waitFor((s) => /› first\n +second/.test(s));
    // Ctrl+U empties the second line, Backspace joins it to the first, Ctrl+U empties that.
    screen.write(KEYS.ctrlU);
    screen.write('\u007f');
    screen.write(KEYS.ctrlU);
    await screen.waitFor(/› +Type a prompt/);
    // One write: a script, or fingers faster than a read.
    screen.write('line one\rline two\r');
    await screen.waitFor(/In \[1\]: line one/);
    expect(screen.text()).not.toMatch(/line one\n.*line two/);
  });

  test('Ctrl+Z stops with the terminal given back; on fg the screen, raw mode and paste mode return', async () => {
    const screen = track(await PtyScreen.open(['--offline']));
    screen.write('\u001a');
    await screen.waitFor(() => !screen.onAlternateScreen());
    expect(screen.terminal.modes.bracketedPasteMode).toBe(false);
    // Stopped for real, as the shell's job control expects (state T in /proc).
    await screen.waitFor(() => processState(screen.process.pid) === 'T');
    // The shell's `fg` sends SIGCONT.
    screen.process.kill('SIGCONT');
    await screen.waitFor(() => screen.onAlternateScreen() && READY.test(screen.text()));
    expect(screen.terminal.modes.bracketedPasteMode).toBe(true);
    // Raw mode: a key shows at once, with no Enter to release it from the line discipline.
    await screen.type('back');
    await screen.waitFor(/› back/);
    screen.write(KEYS.ctrlU);
    await screen.waitFor(/› +Type a prompt/);
    screen.write(KEYS.ctrlD);
    expect((await screen.waitForExit()).exitCode).toBe(0);
  });

  test('Ctrl+C the moment the notebook starts is a key, not a signal: it asks, then quits with 0', async () => {
    const screen = track(new PtyScreen(['--offline']));
    await screen.waitForOutput((output) => output.length > 0);
    screen.write(KEYS.ctrlC);
    await screen.waitFor(/Press Ctrl\+C again to quit/);
    expect(screen.exit).toBeNull();
    screen.write(KEYS.ctrlC);
    expect((await screen.waitForExit()).exitCode).toBe(0);
    expect(screen.onAlternateScreen()).toBe(false);
  });

  test('mid-stream, Ctrl+D interrupts and asks; a second Ctrl+D quits at once', async () => {
    const screen = track(await openPacedOffline('long'));
    await screen.type('go on');
    screen.write(KEYS.enter);
    await screen.waitFor(/Out\[1\]: (?!waiting)\S/, 15_000);
    screen.write(KEYS.ctrlD);
    await screen.waitFor(/⏸ interrupted/);
    await screen.waitFor(/Press Ctrl\+D again to quit/);
    expect(screen.exit).toBeNull();
    screen.write(KEYS.ctrlD);
    expect((await screen.waitForExit()).exitCode).toBe(0);
  });
});
