import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const CLI = resolve('dist/cli.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * A clean environment: no key, no CI (CI or CONTINUOUS_INTEGRATION make Ink render
 * non-interactively), no inherited STREAMBOOK_* or ANTHROPIC_* settings, no
 * colour overrides (NO_COLOR, FORCE_COLOR: tests set them when they mean to), and no display,
 * so /copy never reaches the clipboard of the person running the tests.
 */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (
      value === undefined ||
      /^(ANTHROPIC_|STREAMBOOK_|CI$|CONTINUOUS_INTEGRATION$|NO_COLOR$|FORCE_COLOR$|DISPLAY$|WAYLAND_DISPLAY$)/.test(
        key,
      )
    )
      continue;
    env[key] = value;
  }
  return { ...env, STREAMBOOK_OFFLINE_PACE: 'none', ...extra };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'streambook-'));
}

/** Runs the built CLI as a child process, the way a script would. */
export function runCli(
  args: string[],
  options: {
    input?: string;
    env?: Record<string, string>;
    cwd?: string;
    onStdout?: (chunk: string, child: ReturnType<typeof spawn>) => void;
  } = {},
): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? tempDir(),
      env: options.env ?? cleanEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      options.onStdout?.(chunk, child);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
    if (options.input !== undefined) child.stdin.end(options.input);
    else child.stdin.end();
  });
}

/**
 * One offline turn recorded by print mode (`-p --offline --scenario SCENARIO PROMPT`, and
 * `extra` flags such as `-c`), in `stateDir`: the run, and the id of the newest saved session.
 */
export async function recordOffline(
  stateDir: string,
  scenario: string,
  prompt: string,
  extra: string[] = [],
): Promise<CliResult & { id: string }> {
  const run = await runCli([
    '-p',
    '--offline',
    '--scenario',
    scenario,
    '--state-dir',
    stateDir,
    ...extra,
    prompt,
  ]);
  const ids = readdirSync(join(stateDir, 'sessions')).map((name) => name.replace(/\.jsonl$/, ''));
  return { ...run, id: ids.sort().at(-1) ?? '' };
}
