import { describe, expect, it } from 'vitest';
import { openApps } from '../../support/open-apps.js';
import { type AppHarness, tick } from '../harness.js';

describe('the notebook: the prompt', () => {
  const CTRL_J = '\n';
  const ENTER = '\r';
  const UP = '\u001b[A';
  const DOWN = '\u001b[B';

  const { app } = openApps();

  /** The prompt's lines: from the separator above it to the status line, without the toast. */
  function promptLines(harness: AppHarness): string[] {
    const lines = harness.text().split('\n');
    const separator = lines.findLastIndex((line) => /^─{20,}$/.test(line));
    const toast = harness.session.state.toast ? 1 : 0;
    return lines.slice(separator + 1, lines.length - 1 - toast).map((line) => line.trimEnd());
  }

  describe('the prompt in the App', () => {
    it('Enter sends the prompt as a new cell and clears the prompt', async () => {
      const harness = await app();
      await harness.keys('hello');
      expect(promptLines(harness)).toEqual(['› hello']);
      await harness.keys(ENTER);
      expect(harness.session.state.cells.map((c) => c.prompt)).toEqual(['hello']);
      expect(harness.text()).toContain('In [1]: hello');
      await harness.session.settled();
      await tick();
      expect(promptLines(harness)[0]).toMatch(/^› {2}Type a prompt, Enter sends/);
    });

    it('sends what was typed when the Enter arrives in the same read as the keys', async () => {
      const harness = await app();
      await harness.keys('quick typist\r');
      expect(harness.session.state.cells.map((c) => c.prompt)).toEqual(['quick typist']);
    });

    it('Ctrl+J inserts a newline and does not send; Enter then sends both lines', async () => {
      const harness = await app();
      await harness.keys('line one', CTRL_J, 'line two');
      expect(harness.session.state.cells).toEqual([]);
      expect(promptLines(harness)).toEqual(['› line one', '  line two']);
      await harness.keys(ENTER);
      expect(harness.session.state.cells.map((c) => c.prompt)).toEqual(['line one\nline two']);
      expect(harness.text()).toMatch(/In \[1\]: line one\s*│?.*\n\s+line two/);
    });

    it('a trailing backslash and Enter insert a newline instead of sending', async () => {
      const harness = await app();
      await harness.keys('first\\', ENTER);
      expect(harness.session.state.cells).toEqual([]);
      expect(promptLines(harness)).toEqual(['› first', '']);
      await harness.keys('second', ENTER);
      expect(harness.session.state.cells.map((c) => c.prompt)).toEqual(['first\nsecond']);
    });

    it('Alt+Enter inserts a newline', async () => {
      const harness = await app();
      await harness.keys('a', '\u001b\r', 'b');
      expect(harness.session.state.cells).toEqual([]);
      expect(promptLines(harness)).toEqual(['› a', '  b']);
    });

    it('a bracketed paste arrives as one prompt with its newline, and does not send', async () => {
      const harness = await app();
      await harness.keys('\u001b[200~line1\rline2\u001b[201~');
      expect(harness.session.state.cells).toEqual([]);
      expect(promptLines(harness)).toEqual(['› line1', '  line2']);
      await harness.keys(ENTER);
      expect(harness.session.state.cells.map((c) => c.prompt)).toEqual(['line1\nline2']);
    });

    it('a paste that ends in a newline does not send either', async () => {
      const harness = await app();
      await harness.keys('\u001b[200~hello\r\u001b[201~');
      expect(harness.session.state.cells).toEqual([]);
      expect(promptLines(harness)).toEqual(['› hello', '']);
    });

    it('↑ recalls earlier prompts and ↓ brings back the draft', async () => {
      const harness = await app();
      await harness.type('first question');
      await harness.session.settled();
      await harness.type('second question');
      await harness.session.settled();
      await harness.keys('my draft', UP);
      expect(promptLines(harness)).toEqual(['› second question']);
      await harness.keys(UP);
      expect(promptLines(harness)).toEqual(['› first question']);
      await harness.keys(DOWN, DOWN);
      expect(promptLines(harness)).toEqual(['› my draft']);
    });

    it('Ctrl+U clears the line and Ctrl+W deletes a word', async () => {
      const harness = await app();
      await harness.keys('one two three', '\u0017');
      expect(promptLines(harness)).toEqual(['› one two']);
      await harness.keys('\u0015');
      expect(promptLines(harness)[0]).toMatch(/^› {2}Type a prompt/);
    });

    it('a prompt of many lines shows its last six, and the screen keeps its height', async () => {
      const harness = await app();
      const before = harness.text().split('\n').length;
      await harness.keys(
        'l1',
        CTRL_J,
        'l2',
        CTRL_J,
        'l3',
        CTRL_J,
        'l4',
        CTRL_J,
        'l5',
        CTRL_J,
        'l6',
        CTRL_J,
        'l7',
      );
      expect(promptLines(harness)).toEqual(['  l2', '  l3', '  l4', '  l5', '  l6', '  l7']);
      expect(harness.text().split('\n')).toHaveLength(before);
      expect(before).toBe(23);
    });

    it('Ctrl+D quits on an empty prompt, and not while something is typed', async () => {
      const harness = await app();
      await harness.keys('text', '\u0004');
      expect(harness.quits).toBe(0);
      await harness.keys('\u0015', '\u0004');
      expect(harness.quits).toBe(1);
    });

    it('Ctrl+C when idle asks for a second press, then quits', async () => {
      const harness = await app();
      await harness.keys('\u0003');
      expect(harness.quits).toBe(0);
      expect(harness.text().split('\n').at(-1)).toContain('Press Ctrl+C again to quit');
      await harness.keys('\u0003');
      expect(harness.quits).toBe(1);
    });
  });
});
