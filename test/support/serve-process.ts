import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { CLI, cleanEnv, tempDir } from './cli.js';

/** A running `streambook serve`, spawned from dist/ as a person would start it. */
export interface ServeProcess {
  /** The base URL it printed. */
  url: string;
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal, if one killed it). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Waits until stderr holds a line that matches. */
  logged(pattern: RegExp): Promise<string>;
  /** Waits until stderr holds `count` lines that match, and gives them. */
  loggedLines(pattern: RegExp, count: number): Promise<string[]>;
  /** Sends the signal and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `streambook serve ARGS` (a free port unless ARGS pick one) and waits for its URL. */
export function startServe(args: string[], env: Record<string, string> = cleanEnv()): Promise<ServeProcess> {
  const child = spawn(process.execPath, [CLI, 'serve', ...args], { cwd: tempDir(), env });
  let stdout = '';
  let stderr = '';
  const waiters: Array<() => void> = [];
  const wake = () => {
    for (const waiter of waiters.splice(0)) waiter();
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    wake();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    wake();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      resolve({ code, signal });
      wake();
    });
  });
  let done = false;
  void exited.then(() => {
    done = true;
  });
  const until = async <T>(found: () => T | undefined, what: string): Promise<T> => {
    for (;;) {
      const value = found();
      if (value !== undefined) return value;
      if (done) throw new Error(`serve exited before ${what}; stderr: ${stderr}`);
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  const process_: Omit<ServeProcess, 'url'> = {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    logged: (pattern) =>
      until(() => stderr.split('\n').find((line) => pattern.test(line)), `a line like ${pattern}`),
    loggedLines: (pattern, count) =>
      until(() => {
        const lines = stderr.split('\n').filter((line) => pattern.test(line));
        return lines.length >= count ? lines : undefined;
      }, `${count} lines like ${pattern}`),
    async stop(signal = 'SIGTERM') {
      if (!done) child.kill(signal);
      return exited;
    },
  };
  return until(() => /^export ANTHROPIC_BASE_URL=(\S+)$/m.exec(stdout)?.[1], 'its URL').then((url) => ({
    ...process_,
    url,
  }));
}
