import { describe, expect, test } from 'vitest';
import { KEYS, PtyScreen, READY } from '../support/pty-screen.js';

const wheel = (direction: 'up' | 'down', x: number, y: number) =>
  `\u001b[<${direction === 'up' ? 64 : 65};${x};${y}M`;

/** A conversation taller than its pane: three finished cells in a 16-row terminal. */
async function longConversation(screen: PtyScreen): Promise<void> {
  for (const [i, prompt] of ['first question', 'second question', 'third question'].entries()) {
    await screen.type(prompt);
    screen.write(KEYS.enter);
    // The cell's footer shows once its turn has ended and the prompt sends again.
    await screen.waitFor(new RegExp(`In \\[${i + 1}\\][\\s\\S]*end_turn · TTFT`), 20_000);
  }
  await screen.waitFor((s) => !s.includes('In [1]: first question'));
}

describe('the mouse wheel in a real terminal', () => {
  test('the wheel over the conversation scrolls it, and no report reaches the prompt', async () => {
    const screen = await PtyScreen.open(['--offline'], { rows: 16 });
    try {
      expect(screen.terminal.modes.mouseTrackingMode).toBe('vt200');
      await longConversation(screen);
      for (let turn = 0; turn < 40 && !screen.text().includes('In [1]: first question'); turn++) {
        screen.write(wheel('up', 5, 3));
        await screen.settle();
      }
      const scrolled = await screen.waitFor(/In \[1\]: first question/);
      expect(scrolled).not.toMatch(/In \[3\]: third question/);
      // The prompt is still empty: not a byte of the reports was typed.
      expect(screen.lines().find((line) => line.startsWith('› '))).toMatch(/^› +Type a prompt/);
      for (let turn = 0; turn < 40 && !screen.text().includes('In [3]: third question'); turn++) {
        screen.write(wheel('down', 5, 3));
        await screen.settle();
      }
      await screen.waitFor(/In \[3\]: third question/);
    } finally {
      screen.kill();
    }
  }, 60_000);

  test('/mouse off gives the mouse back to the terminal, /mouse on takes it; Ctrl+Z and fg do the same', async () => {
    const screen = await PtyScreen.open(['--offline']);
    try {
      await screen.type('/mouse off');
      screen.write(KEYS.enter);
      await screen.waitFor(/Mouse: off \(the terminal selects text; the wheel does not scroll\)/);
      expect(screen.terminal.modes.mouseTrackingMode).toBe('none');
      await screen.type('/mouse on');
      screen.write(KEYS.enter);
      await screen.waitFor(/Mouse: on \(the wheel scrolls; hold Shift to select text\)/);
      expect(screen.terminal.modes.mouseTrackingMode).toBe('vt200');
      screen.write('\u001a');
      await screen.waitFor(() => !screen.onAlternateScreen());
      expect(screen.terminal.modes.mouseTrackingMode).toBe('none');
      screen.process.kill('SIGCONT');
      await screen.waitFor(() => screen.onAlternateScreen() && READY.test(screen.text()));
      expect(screen.terminal.modes.mouseTrackingMode).toBe('vt200');
    } finally {
      screen.kill();
    }
  });

  test('--no-mouse starts with the mouse left to the terminal', async () => {
    const screen = await PtyScreen.open(['--offline', '--no-mouse']);
    try {
      expect(screen.terminal.modes.mouseTrackingMode).toBe('none');
      screen.write(KEYS.ctrlD);
      expect((await screen.waitForExit()).exitCode).toBe(0);
    } finally {
      screen.kill();
    }
  });
});
