import { describe, expect, test } from 'vitest';
import { cleanEnv } from '../support/cli.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { KEYS, PtyScreen } from '../support/pty-screen.js';

const ENTER_ALTERNATE = '\u001b[?1049h';
const LEAVE_ALTERNATE = '\u001b[?1049l';
const track = closeAfterEach();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens the notebook and checks it took over the screen: alternate buffer, bracketed paste on. */
async function openFullScreen(args: string[] = [], env?: Record<string, string>): Promise<PtyScreen> {
  const screen = track(await PtyScreen.open(args, env ? { env } : {}));
  expect(screen.onAlternateScreen()).toBe(true);
  expect(screen.terminal.modes.bracketedPasteMode).toBe(true);
  return screen;
}

/** The notebook once a long reply, paced as a real one, has begun to stream. */
async function streamingLongReply(): Promise<PtyScreen> {
  const screen = await openFullScreen(
    ['--offline', '--scenario', 'long'],
    cleanEnv({ STREAMBOOK_OFFLINE_PACE: 'realistic' }),
  );
  await screen.type('go on');
  screen.write(KEYS.enter);
  await screen.waitFor(/Out\[1\]: (?!waiting)\S/, 15_000);
  return screen;
}

/** After the process is gone: the primary screen is back, bracketed paste is off, the cursor shows. */
function expectTerminalRestored(screen: PtyScreen): void {
  const entered = screen.output.lastIndexOf(ENTER_ALTERNATE);
  expect(entered).toBeGreaterThanOrEqual(0);
  expect(screen.output.indexOf(LEAVE_ALTERNATE, entered)).toBeGreaterThan(entered);
  expect(screen.onAlternateScreen()).toBe(false);
  expect(screen.terminal.modes.bracketedPasteMode).toBe(false);
  expect(screen.output.lastIndexOf('\u001b[?25h')).toBeGreaterThan(screen.output.lastIndexOf('\u001b[?25l'));
  // No frame is drawn after leaving: the primary screen is as it was (empty, in a fresh terminal).
  const after = screen.output.slice(screen.output.lastIndexOf(LEAVE_ALTERNATE) + LEAVE_ALTERNATE.length);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: private modes are ESC [ ? n h/l
  expect(after.replace(/\u001b\[\?\d+[hl]/g, '')).toBe('');
  expect(screen.text().trim()).toBe('');
}

describe('leaving the notebook gives the terminal back', () => {
  test('/quit: the primary screen again, exit 0', async () => {
    const screen = await openFullScreen();
    await screen.type('/quit');
    screen.write(KEYS.enter);
    expect((await screen.waitForExit()).exitCode).toBe(0);
    expectTerminalRestored(screen);
  });

  test('Ctrl+D quits on an empty prompt only', async () => {
    const screen = await openFullScreen();
    await screen.type('draft');
    await screen.waitFor(/› draft/);
    screen.write(KEYS.ctrlD);
    await sleep(300);
    expect(screen.exit).toBeNull();
    expect(await screen.waitFor(/› draft/)).not.toMatch(/␄/);
    // Ctrl+U empties the line; now Ctrl+D quits.
    screen.write(KEYS.ctrlU);
    await screen.waitFor(/› +Type a prompt/);
    screen.write(KEYS.ctrlD);
    expect((await screen.waitForExit()).exitCode).toBe(0);
    expectTerminalRestored(screen);
  });

  test('Ctrl+C interrupts a streaming reply and asks; another key disarms; when idle, two quit', async () => {
    const screen = await streamingLongReply();
    // While a reply streams, Ctrl+C stops it, and asks before a second one quits.
    screen.write(KEYS.ctrlC);
    await screen.waitFor(/⏸ interrupted/);
    await screen.waitFor(/Press Ctrl\+C again to quit/);
    await screen.type('a');
    await screen.waitFor((s) => !s.includes('Press Ctrl+C again') && /› a/.test(s));
    expect(screen.exit).toBeNull();

    // Idle, Ctrl+C first clears the draft; on the empty prompt it asks, and again quits.
    screen.write(KEYS.ctrlC);
    await screen.waitFor((s) => !/› a/.test(s));
    expect(screen.text()).not.toContain('Press Ctrl+C again');
    screen.write(KEYS.ctrlC);
    await screen.waitFor(/Press Ctrl\+C again to quit/);
    screen.write(KEYS.ctrlC);
    expect((await screen.waitForExit()).exitCode).toBe(0);
    expectTerminalRestored(screen);
  });

  test('SIGTERM mid-stream: the primary screen again, exit 143', async () => {
    const screen = await streamingLongReply();
    screen.process.kill('SIGTERM');
    expect((await screen.waitForExit()).exitCode).toBe(143);
    expectTerminalRestored(screen);
  });

  test('SIGHUP (the terminal closed): the primary screen again, exit 129', async () => {
    const screen = await openFullScreen();
    screen.process.kill('SIGHUP');
    expect((await screen.waitForExit()).exitCode).toBe(129);
    expectTerminalRestored(screen);
  });
});
