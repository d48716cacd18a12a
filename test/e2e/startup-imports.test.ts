import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanEnv, runCli, tempDir } from '../support/cli.js';
import { PtyScreen } from '../support/pty-screen.js';

// Run `npm run build` first: these drive dist/cli.js.

const RECORDER = resolve('test/support/record-loads.mjs');
const UI_PACKAGES =
  '(ink|react|react-reconciler|yoga-layout|marked|marked-terminal|cli-highlight|highlight\\.js)';
/** A package's module, bundled or loaded from its own folder. */
const UI_MODULE = new RegExp(`node_modules/${UI_PACKAGES}/`);

/** An environment that records every module the CLI loads, and the file it records in. */
function recording(): { env: Record<string, string>; loads: string } {
  const loads = join(tempDir(), 'loads.txt');
  return { env: cleanEnv({ NODE_OPTIONS: `--import=${RECORDER}`, STREAMBOOK_LOADS: loads }), loads };
}

/**
 * Every module in the files a run loaded, as a path from the project's folder: a bundled file
 * names its modules in its source map (the bundle is minified, so its own text does not).
 */
function modulesLoaded(loads: string): string[] {
  const found = new Set<string>();
  for (const url of readFileSync(loads, 'utf8').split('\n')) {
    if (!url.startsWith('file:')) continue;
    const path = fileURLToPath(url);
    const map = `${path}.map`;
    const sources: string[] = existsSync(map) ? JSON.parse(readFileSync(map, 'utf8')).sources : [path];
    for (const source of sources) found.add(relative(process.cwd(), resolve(dirname(map), source)));
  }
  return [...found].sort();
}

/** The UI packages among the modules a run loaded, by name. */
function uiPackagesLoaded(loads: string): string[] {
  const found = new Set<string>();
  for (const path of modulesLoaded(loads)) {
    const ui = UI_MODULE.exec(path);
    if (ui) found.add(ui[1] ?? '');
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
