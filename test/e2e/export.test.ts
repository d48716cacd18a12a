import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { notebookErrors } from '../support/export-checks.js';
import { KEYS, PtyScreen } from '../support/pty-screen.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'streambook-export-e2e-'));
  dirs.push(dir);
  return dir;
}

async function exportTo(screen: PtyScreen, name: string, shown: RegExp): Promise<void> {
  await screen.type(`/export ${name}`);
  screen.write(KEYS.enter);
  await screen.waitFor(shown);
}

describe('/export in the notebook', () => {
  test('a resumed session (-c) exports the same bytes as the live one did', async () => {
    const cwd = tempDir();
    const state = tempDir();
    const args = ['--offline', '--scenario', 'chat', '--state-dir', state];
    const live = await PtyScreen.open(args, { cwd });
    try {
      await live.type('hello');
      live.write(KEYS.enter);
      await live.waitFor(/end_turn · TTFT \d[\d.]* m?s/);
      await exportTo(live, 'live.json', /Exported 1 cell as JSON \([\d.]+ K?B\) to \.\/live\.json/);
      await exportTo(live, 'live.ipynb', /Exported 1 cell as a notebook/);
      await exportTo(
        live,
        'notes.txt',
        /can't tell the format of notes\.txt: end the name with \.ipynb, \.md, \.json or \.har/,
      );
    } finally {
      live.kill();
    }
    const resumed = await PtyScreen.open([...args, '-c'], { cwd });
    try {
      await resumed.waitFor(/end_turn · TTFT/);
      await exportTo(resumed, 'resumed.json', /Exported 1 cell as JSON/);
      await exportTo(resumed, 'resumed.ipynb', /Exported 1 cell as a notebook/);
    } finally {
      resumed.kill();
    }
    const read = (name: string) => readFileSync(join(cwd, name), 'utf8');
    expect(read('resumed.json')).toBe(read('live.json'));
    expect(read('resumed.ipynb')).toBe(read('live.ipynb'));
    expect(notebookErrors(read('live.ipynb'))).toEqual([]);
  });
});
