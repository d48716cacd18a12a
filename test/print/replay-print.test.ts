import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, recordOffline, runCli, tempDir } from '../support/cli.js';
import { reopen } from '../support/journaled.js';
import { PLANTED_KEY } from '../support/key-echo-server.js';

// Run `npm run build` first: these drive the built CLI, as a script would.
describe('print mode replays a recorded turn', () => {
  const stateDir = tempDir();
  let id = '';
  let recordedText = '';

  beforeAll(async () => {
    const run = await recordOffline(stateDir, 'thinking', 'a question');
    expect(run.code).toBe(0);
    id = run.id;
    const cell = reopen(stateDir, id).state.cells[0];
    recordedText = (cell?.message?.content ?? [])
      .flatMap((b) => (b.type === 'text' ? [b.text] : []))
      .join('');
    expect(recordedText.length).toBeGreaterThan(20);
    expect(run.stdout).toBe(`${recordedText}\n`);
  });

  afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

  it('prints the recorded reply, asking the recorded prompt when none is given', async () => {
    const run = await runCli(['-p', '--replay', `${id}:1`, '--speed', '0', '--state-dir', stateDir]);
    expect(run.stderr).toContain(`replay of session ${id} cell 1 at speed 0`);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${recordedText}\n`);
    // The replayed turn is saved as a session of its own, asked with the recorded prompt.
    const sessions = readdirSync(join(stateDir, 'sessions')).map((name) => name.replace(/\.jsonl$/, ''));
    const replayedId = sessions.find((name) => name !== id) ?? '';
    const replayed = reopen(stateDir, replayedId).state.cells[0];
    expect(replayed?.prompt).toBe('a question');
    expect(replayed?.scenario).toBe(`replay:${id}:1`);
    expect(replayed?.message).toEqual(reopen(stateDir, id).state.cells[0]?.message);
  });

  it('serves the recording with a key set, and never sends or shows the key', async () => {
    const env = cleanEnv({ ANTHROPIC_API_KEY: PLANTED_KEY });
    const run = await runCli(
      ['-p', '--replay', `${id}:1`, '--speed', '0', '--no-save', '--state-dir', stateDir],
      {
        env,
      },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${recordedText}\n`);
    expect(run.stderr).toContain('a key, if set, is not used');
    expect(run.stdout + run.stderr).not.toContain(PLANTED_KEY.slice(20, 40));
  });

  it.each([
    [['--replay', 'no/pe'], /--replay takes a session id and a cell number/],
    [['--replay', '20990101-0000-zzzz:1'], /no saved session 20990101-0000-zzzz in .*sessions lists them/],
    [['--replay', 'CELL:9'], /has no cell 9 \(it has cells 1 to 1\)/],
    [['--replay', 'CELL:1', '--speed', 'fast'], /--speed must be a number of 0 or more/],
    [['--replay', 'CELL:1', '--speed=-1'], /--speed must be a number of 0 or more/],
    [['--replay', 'CELL:1', '--scenario', 'chat'], /--replay and --scenario both choose the answers/],
  ])('refuses %j with one line and exit 2', async (args, message) => {
    const run = await runCli([
      '-p',
      ...args.map((a) => a.replace('CELL', id)),
      '--state-dir',
      stateDir,
      'hi',
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
