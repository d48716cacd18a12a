import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sessionIds } from '../../src/journal/newest-session.js';
import { sessionPath, sessionsDir } from '../../src/journal/state-dir.js';
import { runCli } from '../support/cli.js';
import { stateDirs } from '../support/journaled.js';

const stateDir = stateDirs();

/** How many messages each saved turn sent, per session file, newest session first. */
function sentPerSession(dir: string): number[][] {
  return sessionIds(dir).map(({ id }) =>
    readFileSync(sessionPath(dir, id), 'utf8')
      .split('\n')
      .filter((line) => line.includes('"type":"request"'))
      .map((line) => JSON.parse(line).u.messages as number),
  );
}

// Each test runs the CLI two or three times: a loaded machine needs more than the default 20 s.
describe('print mode saves its turn, and -c goes on from the newest session', { timeout: 60_000 }, () => {
  it('-p -c sends the saved history plus the new prompt, and appends to that session', async () => {
    const dir = stateDir();
    const first = await runCli(['-p', '--offline', '--state-dir', dir, 'remember the word teal']);
    expect(first.code, first.stderr).toBe(0);
    const second = await runCli([
      '-p',
      '-c',
      '--offline',
      '--state-dir',
      dir,
      '--output-format',
      'json',
      'and now?',
    ]);
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout).stop_reason).toBe('end_turn');
    expect(sentPerSession(dir)).toEqual([[1, 3]]);
  });

  it('without -c, each run is a session of its own; --no-save writes nothing', async () => {
    const dir = stateDir();
    await runCli(['-p', '--offline', '--state-dir', dir, 'one']);
    await runCli(['-p', '--offline', '--state-dir', dir, 'two']);
    await runCli(['-p', '--offline', '--state-dir', dir, '--no-save', 'three']);
    expect(sentPerSession(dir)).toEqual([[1], [1]]);
  });

  it('-r ID goes on with that session, not the newest', async () => {
    const dir = stateDir();
    await runCli(['-p', '--offline', '--state-dir', dir, 'one']);
    const [oldest] = sessionIds(dir);
    await runCli(['-p', '--offline', '--state-dir', dir, 'two']);
    const resumed = await runCli([
      '-p',
      '-r',
      oldest?.id as string,
      '--offline',
      '--state-dir',
      dir,
      'three',
    ]);
    expect(resumed.code, resumed.stderr).toBe(0);
    const byId = new Map(sessionIds(dir).map(({ id }, at) => [id, sentPerSession(dir)[at]]));
    expect(byId.get(oldest?.id as string)).toEqual([1, 3]);
  });

  it.each([
    [['-c'], /^streambook: no saved session in .+ to continue; start one without --continue$/m],
    [
      ['-r', '20991231-2359-zzzz'],
      /^streambook: no saved session 20991231-2359-zzzz in .+ \(streambook sessions lists them\)$/m,
    ],
    [
      ['-r', '../../etc/passwd'],
      /^streambook: --resume takes a session id such as 20261201-0812-k3f9, got '\.\.\/\.\.\/etc\/passwd' \(try: streambook --help\)$/m,
    ],
    [['-c', '-r', 'x'], /^streambook: --continue and --resume both choose a session: give one of them/m],
  ])('%j is one clear line and exit 2', async (flags, message) => {
    const dir = stateDir();
    const result = await runCli(['-p', ...flags, '--offline', '--state-dir', dir, 'hi']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('a file that is not a session is refused by name', async () => {
    const dir = stateDir();
    await runCli(['-p', '--offline', '--state-dir', dir, 'one']);
    const [only] = sessionIds(dir);
    const path = sessionPath(dir, only?.id as string);
    writeFileSync(path, '\u001b[2J not json\n');
    const result = await runCli(['-p', '-c', '--offline', '--state-dir', dir, 'hi']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${sessionsDir(dir)}`);
    expect(result.stderr).toMatch(/is not a streambook session file/);
    expect(result.stderr).not.toContain('\u001b');
  });
});
