import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { transform } from 'esbuild';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A folder for snippets inside the checkout, so that `@anthropic-ai/sdk` resolves from its
 * node_modules as it would in a user's project; removed by the returned function.
 */
export function snippetDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(ROOT, '.code-snippets-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Type-checks TypeScript files with tsc in strict mode, as ES modules (top-level await) against
 * the installed SDK. Resolves to tsc's complaints: empty when every file type-checks.
 */
export async function typecheck(dir: string, files: Record<string, string>): Promise<string> {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const config = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2023'],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
    },
    files: Object.keys(files),
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config));
  try {
    await run(join(ROOT, 'node_modules/.bin/tsc'), ['-p', dir], { cwd: dir });
    return '';
  } catch (failed) {
    const {
      stdout = '',
      stderr = '',
      message,
    } = failed as { stdout?: string; stderr?: string; message: string };
    return `${stdout}${stderr}` || message;
  }
}

/** Runs a TypeScript snippet with node (types stripped by esbuild), with exactly `env` for its key and URL. */
export async function runTypescript(
  dir: string,
  name: string,
  text: string,
  env: Record<string, string>,
): Promise<{ stdout: string; stderr: string }> {
  const { code } = await transform(text, { loader: 'ts', format: 'esm', target: 'node20' });
  const file = join(dir, name.replace(/\.ts$/, '.mjs'));
  writeFileSync(file, code);
  return run(process.execPath, [file], { cwd: dir, env: { PATH: process.env.PATH ?? '', ...env } });
}

/** Runs a shell snippet with bash, with exactly `env`. */
export async function runShell(
  text: string,
  env: Record<string, string>,
): Promise<{ stdout: string; stderr: string }> {
  return run('bash', ['-c', text], { env: { PATH: process.env.PATH ?? '', ...env } });
}

/** Whether python3 is on the PATH, for the checks that read a snippet as Python. */
export const hasPython = spawnSync('python3', ['--version']).status === 0;

/** Runs python3 on `script` (a file name, or `-c` code) with `input` on stdin and `env` added. */
export function python(
  args: string[],
  input: string,
  env: Record<string, string> = {},
): { status: number | null; output: string } {
  const result = spawnSync('python3', args, { input, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
