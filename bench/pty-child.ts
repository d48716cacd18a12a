import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pty from '@lydell/node-pty';

const CLI = resolve('dist', 'cli.js');
const STATE = mkdtempSync(join(tmpdir(), 'streambook-bench-state-'));

/** The built CLI in a 120x40 pseudo-terminal, watched for text on its screen. */
export interface PtyChild {
  write(data: string): void;
  /** Resolves with the ms it took once `text` has been written to the screen since `forget()`. */
  shows(text: string, timeoutMs?: number): Promise<number>;
  /** Looks only at what comes from now on. */
  forget(): void;
  /** Calls `listener` with each chunk the child writes, as it arrives. */
  onData(listener: (data: string) => void): void;
  /** Resolves with the ms from now to the child's exit. */
  exits(): Promise<number>;
  signal(name: 'SIGTERM' | 'SIGINT' | 'SIGHUP' | 'SIGKILL'): void;
  kill(): void;
}

export function spawnCli(args: string[], env: Record<string, string> = {}): PtyChild {
  const term = pty.spawn(process.execPath, [CLI, ...args], {
    cols: 120,
    rows: 40,
    cwd: mkdtempSync(join(tmpdir(), 'streambook-bench-')),
    env: { ...childEnv(), ...env },
  });
  let seen = '';
  let exited = false;
  const exitWaiters: Array<() => void> = [];
  const waiters: Array<{ text: string; resolve: () => void }> = [];
  term.onData((data) => {
    // Only the tail matters: a marker is looked for in what arrived since forget().
    seen = (seen + data).slice(-64 * 1024);
    for (const waiter of waiters.splice(0)) {
      if (seen.includes(waiter.text)) waiter.resolve();
      else waiters.push(waiter);
    }
  });
  term.onExit(() => {
    exited = true;
    for (const done of exitWaiters.splice(0)) done();
  });
  return {
    write: (data) => term.write(data),
    forget: () => {
      seen = '';
    },
    onData: (listener) => {
      term.onData(listener);
    },
    shows: (text, timeoutMs = 120_000) => {
      const start = performance.now();
      return new Promise((resolvePromise, reject) => {
        const timer = setTimeout(() => reject(new Error(`bench: never saw ${text}`)), timeoutMs);
        const done = () => {
          clearTimeout(timer);
          resolvePromise(performance.now() - start);
        };
        if (seen.includes(text)) done();
        else waiters.push({ text, resolve: done });
      });
    },
    exits: () => {
      const start = performance.now();
      return new Promise((resolvePromise) => {
        if (exited) resolvePromise(0);
        else exitWaiters.push(() => resolvePromise(performance.now() - start));
      });
    },
    signal: (name) => {
      process.kill(term.pid, name);
    },
    kill: () => {
      if (!exited) term.kill();
    },
  };
}

/** No CI (Ink would render non-interactively), no key, no inherited streambook settings. */
function childEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(ANTHROPIC_|STREAMBOOK_|CI$|NO_COLOR$)/.test(key)) env[key] = value;
  }
  // Sessions are saved, as users' are, but never into the home of whoever runs the bench.
  return { ...env, TERM: 'xterm-256color', STREAMBOOK_OFFLINE_PACE: 'none', XDG_STATE_HOME: STATE };
}
