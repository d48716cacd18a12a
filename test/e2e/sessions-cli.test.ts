import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionPath } from '../../src/journal/state-dir.js';
import { runCli } from '../support/cli.js';
import { tempStateDir } from '../support/journaled.js';
import { KEYS, PtyScreen } from '../support/pty-screen.js';

// Run `npm run build` first: these drive dist/cli.js.

const HOSTILE = 'evil \u001b]0;pwned\u0007\u001b[2J\u009b31m prompt';

describe('streambook sessions', () => {
  const state = tempStateDir();
  const dir = state.dir;
  /** The two sessions made below, newest first. */
  let ids: string[] = [];

  beforeAll(async () => {
    const print = async (...args: string[]) => {
      const result = await runCli(['-p', '--state-dir', dir, ...args]);
      expect(result.code).toBe(0);
    };
    await print('about zebras');
    await print(HOSTILE);
    // Goes on with the newest (the hostile one): two cells there, and it is written last.
    await print('-c', 'follow up');
    const listed = await runCli(['sessions', '--json', '--state-dir', dir]);
    ids = (JSON.parse(listed.stdout) as Array<{ id: string }>).map((s) => s.id);
    // Four runs of the CLI one after another: past the 20 s default on a loaded machine (load 15).
  }, 60_000);
  afterAll(() => state.remove());

  it('--json gives scripts every session, newest first, with what it holds', async () => {
    const { code, stdout, stderr } = await runCli(['sessions', '--json', '--state-dir', dir]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const sessions = JSON.parse(stdout);
    expect(sessions).toHaveLength(2);
    const [newest, oldest] = sessions;
    expect(newest).toMatchObject({ firstPrompt: HOSTILE, cells: 2, parent: null });
    expect(oldest).toMatchObject({ firstPrompt: 'about zebras', cells: 1, parent: null });
    expect(oldest.path).toBe(sessionPath(dir, oldest.id));
    for (const session of sessions) {
      expect(Object.keys(session)).toEqual([
        'id',
        'started',
        'updated',
        'firstPrompt',
        'cells',
        'tokens',
        'parent',
        'path',
      ]);
      expect(session.tokens.input).toBeGreaterThan(0);
      expect(session.tokens.output).toBeGreaterThan(0);
    }
    // The C1 control is escaped for the terminal; it reads back as itself.
    expect(stdout).toContain('\\u009b31m');
    expect(stdout).not.toContain('\u009b');
  });

  it('lists one line per session on a terminal, cut to its width, the escapes shown and not acted on', async () => {
    const screen = new PtyScreen(['sessions', '--state-dir', dir], { cols: 90, rows: 10 });
    try {
      expect((await screen.waitForExit()).exitCode).toBe(0);
      await screen.settle();
      const lines = screen.lines().filter((line) => line !== '');
      expect(lines).toHaveLength(2);
      const [newest = '', oldest = ''] = lines;
      expect(newest.startsWith(`${ids[0]}  `)).toBe(true);
      expect(newest).toMatch(/ {2}evil ␛\]0;pwned␇␛\[2J.* {2}2 cells {2}\d+ in \/ \d+ out$/);
      expect(oldest).toMatch(
        new RegExp(`^${ids[1]}  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d  about zebras +1 cell `),
      );
      // The first prompt takes what the other columns leave of the width.
      expect(lines.map((line) => line.length)).toEqual([90, 90]);
      // Nothing the program wrote is an escape sequence: the title was never set.
      expect(screen.output).not.toContain('\u001b');
      expect(screen.terminal.buffer.active.type).toBe('normal');
    } finally {
      screen.kill();
    }
  });

  it('--search finds sessions by what their prompts and replies say', async () => {
    const found = await runCli(['sessions', '--search', 'ZEBRA', '--state-dir', dir]);
    expect(found.code).toBe(0);
    expect(found.stdout.trim().split('\n')).toHaveLength(1);
    expect(found.stdout).toContain(`${ids[1]}  `);
    const json = await runCli(['sessions', '--json', '--search', 'follow UP', '--state-dir', dir]);
    expect(JSON.parse(json.stdout).map((s: { id: string }) => s.id)).toEqual([ids[0]]);
    const none = await runCli(['sessions', '--search', 'nothing says this', '--state-dir', dir]);
    expect(none).toMatchObject({ code: 0, stdout: '' });
    expect(none.stderr).toBe('streambook: no saved session holds nothing says this\n');
  });

  it('says so, and exits 0, when there are no sessions yet ([] with --json)', async () => {
    const empty = join(dir, 'nothing-here');
    const plain = await runCli(['sessions', '--state-dir', empty]);
    expect(plain).toMatchObject({ code: 0, stdout: '' });
    expect(plain.stderr).toBe(`streambook: no saved sessions in ${join(empty, 'sessions')} yet\n`);
    const json = await runCli(['sessions', '--json', '--state-dir', empty]);
    expect(json).toMatchObject({ code: 0, stdout: '[]\n', stderr: '' });
  });

  it('skips files that are not readable sessions with a line each on stderr, and lists the rest', async () => {
    const other = tempStateDir();
    try {
      const listed = await runCli(['sessions', '--json', '--state-dir', dir]);
      const [session] = JSON.parse(listed.stdout) as Array<{ id: string; path: string }>;
      const folder = join(other.dir, 'sessions');
      mkdirSync(folder, { recursive: true });
      copyFileSync(session?.path ?? '', join(folder, `${session?.id}.jsonl`));
      writeFileSync(join(folder, 'junk.jsonl'), '\u001b[2J not json\n');
      writeFileSync(join(folder, '\u001b]0;pwned\u0007.jsonl'), '');
      const { code, stdout, stderr } = await runCli(['sessions', '--state-dir', other.dir]);
      expect(code).toBe(0);
      expect(stdout.trim().split('\n')).toHaveLength(1);
      expect(stdout).toContain(`${session?.id}  `);
      const notes = stderr.trim().split('\n');
      expect(notes).toHaveLength(2);
      for (const note of notes) expect(note).toMatch(/^streambook: skipped /);
      expect(stderr).toContain('junk.jsonl is not a streambook session file');
      expect(stderr).not.toContain('\u001b');
    } finally {
      other.remove();
    }
  });

  it('refuses an unknown flag or an argument with one line and exit 2', async () => {
    const bogus = await runCli(['sessions', '--bogus', '--state-dir', dir]);
    expect(bogus).toMatchObject({ code: 2, stdout: '' });
    expect(bogus.stderr).toBe('streambook: unknown option --bogus (try: streambook --help)\n');
    const argument = await runCli(['sessions', 'zebra', '--state-dir', dir]);
    expect(argument.code).toBe(2);
    expect(argument.stderr).toMatch(
      /^streambook: sessions takes no argument zebra; search with --search TEXT/,
    );
  });

  it('/sessions in the notebook lists the same sessions, and Enter resumes one where it left off', async () => {
    const screen = await PtyScreen.open(['--state-dir', dir, '--no-save'], { cols: 120, rows: 30 });
    try {
      await screen.type('/sessions');
      screen.write(KEYS.enter);
      const list = await screen.waitFor(/Sessions {2}\(2 saved/);
      expect(list).toContain(`›  ${ids[0]}`);
      expect(list).toMatch(new RegExp(` {3}${ids[1]} .*about zebras`));
      screen.write(KEYS.down);
      screen.write(KEYS.enter);
      const resumed = await screen.waitFor(new RegExp(`resumed ${ids[1]} \\(1 cell\\)`));
      expect(resumed).toContain('In [1]: about zebras');
      expect(resumed).not.toContain('Sessions  (');
    } finally {
      screen.kill();
    }
  });
});
