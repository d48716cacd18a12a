import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pty from '@lydell/node-pty';
import type { FrameTime } from './terminal-meter.js';

export interface TuiResult {
  cpuMs: number;
  status: string;
  events: number;
  deltas: number;
  commits: number;
  notifications: number;
  reactMs: number;
  inkMs: number;
  frames: number;
  bytesTotal: number;
  bytesPerFrameMax: number;
  fullClears: number;
  frameTimes: FrameTime[];
  /** Memory by part at the end, in MB (bench/memory-parts.ts), after a full GC. */
  memory: Record<string, number>;
  /** The same after the turn `--sample-turn` named. */
  sampled?: Record<string, number>;
  /** The frame interval the store had settled on at the end. */
  frameMs: number;
  /** Wall ms from sending the (first) prompt to the first frame showing its last delta. */
  lastDeltaWallMs: number;
}

export interface ChildResult {
  cpuMs: number;
  /** Wall ms from the request to the last delta handed over (the SDK child only). */
  lastDeltaWallMs: number;
}

/** Where the children run and how: the bench's folder, its screen, and its warm-up server. */
export interface ChildPlace {
  dist: string;
  work: string;
  columns: number;
  rows: number;
  warmUrl: string;
  /** Each notebook child writes a V8 CPU profile (`--cpu-prof`). */
  profile: boolean;
}

export type BenchChildren = ReturnType<typeof benchChildren>;

/** The bench's two kinds of child: the notebook in a pseudo-terminal, and a plain process. */
export function benchChildren(place: ChildPlace) {
  const { dist, work, columns, rows, warmUrl, profile } = place;
  let runs = 0;

  /** Runs the notebook child in a real pseudo-terminal, draining its output as a terminal would. */
  function tui(args: string[], nodeFlags: string[] = []): Promise<TuiResult> {
    const result = join(work, `result-${++runs}.json`);
    return new Promise((resolvePromise, reject) => {
      const flags = profile
        ? [...nodeFlags, '--cpu-prof', `--cpu-prof-dir=${join(work, 'profiles')}`]
        : nodeFlags;
      const term = pty.spawn(
        process.execPath,
        [...flags, join(dist, 'bench', 'child-tui.js'), '--warm-url', warmUrl, ...args],
        {
          cols: columns,
          rows,
          cwd: work,
          env: { ...benchEnv(work), BENCH_RESULT: result },
        },
      );
      let tail = '';
      term.onData((data) => {
        tail = (tail + data).slice(-2000);
      });
      term.onExit(({ exitCode }) => {
        if (exitCode !== 0) return reject(new Error(`child-tui exited ${exitCode}: ${tail}`));
        resolvePromise(JSON.parse(readFileSync(result, 'utf8')) as TuiResult);
      });
    });
  }

  function child<T>(script: string, args: string[]): Promise<T> {
    const result = join(work, `result-${++runs}.json`);
    return new Promise((resolvePromise, reject) => {
      const proc = spawn(process.execPath, [join(dist, 'bench', script), ...args], {
        env: { ...benchEnv(work), BENCH_RESULT: result },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      proc.stderr.on('data', (chunk) => {
        stderr += chunk;
      });
      proc.on('exit', (code) => {
        if (code !== 0) return reject(new Error(`${script} exited ${code}: ${stderr}`));
        resolvePromise(JSON.parse(readFileSync(result, 'utf8')) as T);
      });
    });
  }

  return { tui, child };
}

/** No CI (Ink would render non-interactively), no key, no inherited streambook settings. */
export function benchEnv(work: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(ANTHROPIC_|STREAMBOOK_|CI$|NO_COLOR$)/.test(key)) env[key] = value;
  }
  // As the CLI sets it before loading React (the children import it directly).
  // Sessions are saved, as users' are, but into the bench's own folder.
  return {
    ...env,
    TERM: 'xterm-256color',
    STREAMBOOK_OFFLINE_PACE: 'none',
    NODE_ENV: 'production',
    XDG_STATE_HOME: join(work, 'state'),
  };
}
