import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanEnv, runCli, tempDir } from '../support/cli.js';
import { PtyScreen } from '../support/pty-screen.js';

// Run `npm run build` first: these drive dist/cli.js.

const RECORDER = resolve('test/support/record-loads.mjs');
const UI_PACKAGES =
  '(ink|react|react-reconciler|yoga-layout|marked|marked-terminal|cli-highlight|highlight\\.js)';
/** esbuild marks where each bundled module starts with its path: `// …/node_modules/ink/build/…`. */
const BUNDLED = new RegExp(`^// \\S*node_modules/${UI_PACKAGES}/`, 'gm');
/** Unbundled, a package is loaded from its own folder. */
const OWN_FOLDER = new RegExp(`node_modules/${UI_PACKAGES}/`);

/** An environment that records every module the CLI loads, and the file it records in. */
function recording(): { env: Record<string, string>; loads: string } {
  const loads = join(tempDir(), 'loads.txt');
  return { env: cleanEnv({ NODE_OPTIONS: `--import=${RECORDER}`, STREAMBOOK_LOADS: loads }), loads };
}

/** The UI packages found in the files a run loaded, by name. */
function uiPackagesLoaded(loads: string): string[] {
  const found = new Set<string>();
  for (const url of readFileSync(loads, 'utf8').split('\n')) {
    if (!url.startsWith('file:')) continue;
    const path = fileURLToPath(url);
    for (const match of readFileSync(path, 'utf8').matchAll(BUNDLED)) found.add(match[1] ?? '');
    const own = OWN_FOLDER.exec(path);
    if (own) found.add(own[1] ?? '');
  }
  return [...found].sort();
}

/** Every bundled module (esbuild's `// path` marks) in the files a run loaded. */
function modulesLoaded(loads: string): string[] {
  const found = new Set<string>();
  for (const url of readFileSync(loads, 'utf8').split('\n')) {
    if (!url.startsWith('file:')) continue;
    for (const match of readFileSync(fileURLToPath(url), 'utf8').matchAll(/^\/\/ (\S+)$/gm)) {
      found.add(match[1] ?? '');
    }
  }
  return [...found].sort();
}

describe('what each way of running loads', () => {
  // Node's own start is most of their time: they answer before the rest of the CLI loads.
  it('a bare --version or --help loads nothing but the entry (and the help text)', async () => {
    const version = recording();
    expect((await runCli(['--version'], { env: version.env })).code).toBe(0);
    expect(modulesLoaded(version.loads)).toEqual(['package.json', 'src/cli.tsx']);
    const help = recording();
    expect((await runCli(['--help'], { env: help.env })).code).toBe(0);
    expect(modulesLoaded(help.loads)).toEqual([
      'package.json',
      'src/cli.tsx',
      'src/config/defaults.ts',
      'src/config/usage.ts',
      'src/offline/scenario-names.ts',
    ]);
  });

  it('--version loads no UI code', async () => {
    const { env, loads } = recording();
    const result = await runCli(['--version'], { env });
    expect(result.code).toBe(0);
    expect(uiPackagesLoaded(loads)).toEqual([]);
  });

  it('print mode loads no UI code, nor the Markdown renderer', async () => {
    const { env, loads } = recording();
    const result = await runCli(['-p', '--offline', '--no-save', 'hello'], { env });
    expect(result.stderr).toContain('offline');
    expect(result.code).toBe(0);
    expect(uiPackagesLoaded(loads)).toEqual([]);
  });

  // Proves the check sees what it looks for: the notebook does load Ink, React and yoga.
  it('the notebook loads Ink, React and yoga', async () => {
    const { env, loads } = recording();
    const screen = await PtyScreen.open(['--offline', '--no-save'], { env });
    screen.kill();
    expect(uiPackagesLoaded(loads)).toEqual(expect.arrayContaining(['ink', 'react', 'yoga-layout']));
  });
});
