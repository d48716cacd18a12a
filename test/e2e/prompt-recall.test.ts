import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli, tempDir } from '../support/cli.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { KEYS, PtyScreen } from '../support/pty-screen.js';

const track = closeAfterEach();

/** The line the prompt is on: the first one under the separator above the status line. */
function promptLine(screen: PtyScreen): string {
  const lines = screen.lines();
  const separator = lines.findLastIndex((line) => /^─{20,}$/.test(line));
  return (lines[separator + 1] ?? '').trimEnd();
}

describe('prompt recall across runs of the real CLI', () => {
  test('a prompt sent in one run comes back with Up in the next; Ctrl+R finds it', {
    timeout: 90_000,
  }, async () => {
    const state = tempDir();
    const first = track(await PtyScreen.open(['--offline', '--state-dir', state]));
    await first.type('remember this prompt');
    first.write(KEYS.enter);
    await first.waitFor(/In \[1\]: remember this prompt/);
    await first.waitFor(/Out\[1\]: (?!waiting)\S/);
    first.write('/quit\r');
    expect((await first.waitForExit()).exitCode).toBe(0);

    const second = track(await PtyScreen.open(['--offline', '--state-dir', state]));
    expect(second.text()).not.toContain('remember this prompt');
    second.write(KEYS.up);
    await second.waitFor(() => promptLine(second) === '› remember this prompt');
    second.write(KEYS.ctrlU);
    await second.waitFor(/› +Type a prompt/);
    second.write('\u0012');
    await second.type('this');
    await second.waitFor(() => promptLine(second) === "(reverse-i-search)`this': remember this prompt");
    second.write(KEYS.enter);
    await second.waitFor(() => promptLine(second) === '› remember this prompt');
    // Taken into the prompt, not sent.
    expect(second.text()).not.toContain('In [1]');
    second.write(KEYS.ctrlD);
    second.write(KEYS.ctrlD);
    expect((await second.waitForExit()).exitCode).toBe(0);
  });

  test('print mode saves its prompt for the notebook; --no-save saves none', {
    timeout: 60_000,
  }, async () => {
    const state = tempDir();
    const saved = await runCli(['--offline', '--state-dir', state, '-p', 'from a script']);
    expect(saved.code).toBe(0);
    const unsaved = await runCli(['--offline', '--state-dir', state, '--no-save', '-p', 'not kept']);
    expect(unsaved.code).toBe(0);
    expect(readFileSync(join(state, 'prompts.jsonl'), 'utf8')).toBe('"from a script"\n');
  });
});
