import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli, tempDir } from '../support/cli.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { reopen } from '../support/journaled.js';
import { PtyScreen } from '../support/pty-screen.js';

const track = closeAfterEach();

// Run `npm run build` first: the built CLI in a pty, as a person runs it.
describe('the notebook replays a recorded turn', () => {
  const stateDir = tempDir();
  let id = '';
  let firstWords = '';

  beforeAll(async () => {
    const run = await runCli(['-p', '--offline', '--state-dir', stateDir, 'tell me about tides']);
    expect(run.code).toBe(0);
    id = (readdirSync(join(stateDir, 'sessions'))[0] ?? '').replace(/\.jsonl$/, '');
    const message = reopen(stateDir, id).state.cells[0]?.message;
    const text = message?.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('') ?? '';
    firstWords = text.split(/\s+/).slice(0, 4).join(' ');
  });
  afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

  test('--replay ID:1 asks the recorded prompt at once and shows the recorded reply', async () => {
    const screen = track(
      await PtyScreen.open(['--replay', `${id}:1`, '--speed', '0', '--state-dir', stateDir]),
    );
    const shown = await screen.waitFor(/end_turn · TTFT/);
    expect(shown).toContain('In [1]: tell me about tides');
    expect(shown).toContain(firstWords);
  });

  test('a cell that is not there fails before the screen is taken, in one line', async () => {
    const screen = track(new PtyScreen(['--replay', `${id}:5`, '--state-dir', stateDir]));
    const exit = await screen.exited;
    expect(exit.exitCode).toBe(2);
    expect(screen.output).toContain(`session ${id} has no cell 5 (it has cells 1 to 1); pick one of those`);
    expect(screen.output).not.toContain('\u001b[?1049h');
  });
});
