import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveCommand } from '../../src/commands/save.js';
import { type CommandBench, commandBenches } from './command-context.js';

const bench = commandBenches();
const dirs: string[] = [];
afterEach(() => {
  vi.unstubAllEnvs();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'streambook-save-'));
  dirs.push(dir);
  return dir;
}

/** A session with one finished cell, its commands run in `cwd`. */
async function afterTurn(cwd: string, scenario = 'chat'): Promise<CommandBench> {
  const made = await bench({ cwd, scenario });
  await made.send('hello');
  return made;
}

describe('/save', () => {
  it('writes to a fresh default name, never over an existing file', async () => {
    const cwd = tempDir();
    const b = await afterTurn(cwd);
    expect(await b.call(saveCommand)).toEqual({
      kind: 'toast',
      text: expect.stringMatching(/^Saved cell 1 JSON \(\d+ B\) to \.\/streambook-cell-1\.json$/),
      tone: 'success',
    });
    expect(await b.call(saveCommand, '1')).toMatchObject({
      text: expect.stringMatching(/to \.\/streambook-cell-1-2\.json$/),
    });
  });

  it('says there is no cell before the first prompt', async () => {
    const b = await bench({ cwd: tempDir() });
    expect(await b.call(saveCommand, 'x.json')).toEqual({ kind: 'error', text: 'there is no cell yet' });
  });

  it('expands ~ to the home folder and writes the file readable by its owner only', async () => {
    const home = tempDir();
    vi.stubEnv('HOME', home);
    const bench = await afterTurn(tempDir());
    const toast = await bench.run('/save ~/x.json');
    const path = join(home, 'x.json');
    expect(toast).toMatch(new RegExp(`^Saved cell 1 JSON \\(.+\\) to ${path}$`));
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(bench.session.state.cells[0]?.message);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  /** What /save will not write to, and the reason it gives for each. */
  const REFUSED: Array<{ what: string; path: string; make?: (cwd: string) => void; says: string }> = [
    {
      what: 'a named pipe at once, with a message that names the fix',
      path: 'pipe',
      make: (cwd) => execFileSync('mkfifo', [join(cwd, 'pipe')]),
      says: 'it is a named pipe (FIFO); name a regular file',
    },
    { what: 'a device', path: '/dev/null', says: 'it is a device; name a regular file' },
    {
      what: 'a folder, and names a file in it',
      path: 'out',
      make: (cwd) => mkdirSync(join(cwd, 'out')),
      says: 'it is a folder; name a file in it, e.g. out/cell.json',
    },
    {
      what: 'a path whose folder does not exist',
      path: 'nowhere/x.json',
      says: 'its folder does not exist; create it first',
    },
  ];
  for (const { what, path, make, says } of REFUSED) {
    it(`refuses ${what}`, async () => {
      const cwd = tempDir();
      make?.(cwd);
      const bench = await afterTurn(cwd);
      expect(await bench.run(`/save ${path}`)).toBe(`cannot save to ${path}: ${says}`);
    });
  }

  it('writes a failed cell with its error and says its usage is incomplete', async () => {
    const cwd = tempDir();
    const bench = await afterTurn(cwd, 'overloaded');
    expect(await bench.run('/save out.json')).toMatch(
      /^Saved cell 1 JSON \(partial, failed, usage incomplete\) \(.+\) to \.\/out\.json$/,
    );
    const saved = JSON.parse(readFileSync(join(cwd, 'out.json'), 'utf8'));
    expect(saved).toMatchObject({
      type: 'message',
      usage_incomplete: true,
      error: { kind: 'stream_error', type: 'overloaded_error', message: expect.stringMatching(/Overloaded/) },
    });
  });
});
