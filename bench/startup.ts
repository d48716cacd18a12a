import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import pty from '@lydell/node-pty';
import { benchEnv } from './children.js';
import { median, round } from './report.js';

export interface StartupPlace {
  dist: string;
  work: string;
  columns: number;
  rows: number;
  /** How many first frames; twice as many (and one) --version and bare starts. */
  startups: number;
}

/**
 * Timed without this machine's NODE_EXTRA_CA_CERTS, which users rarely set: Node reads the file
 * before running any script (about 45 ms here), so it would count the machine, not us. Its cost
 * is a row of its own, and bare Node's start (`node -e 0`, same environment) sits beside
 * --version, timed in turn with it, since the rest of --version is ours.
 */
export async function startup({ dist, work, columns, rows, startups }: StartupPlace) {
  const env = startupEnv(work);
  const spawnMs = (args: string[], withEnv = env) => {
    const start = performance.now();
    spawnSync(process.execPath, args, { env: withEnv });
    return performance.now() - start;
  };
  const version: number[] = [];
  const node: number[] = [];
  const nodeWithCerts: number[] = [];
  for (let i = 0; i < startups * 2 + 1; i++) {
    version.push(spawnMs([join(dist, 'cli.js'), '--version']));
    node.push(spawnMs(['-e', '0']));
    if (process.env.NODE_EXTRA_CA_CERTS) nodeWithCerts.push(spawnMs(['-e', '0'], benchEnv(work)));
  }
  const firstFrame: number[] = [];
  for (let i = 0; i < startups; i++)
    firstFrame.push(await timeToFirstFrame({ dist, work, columns, rows }, env));
  return {
    version: round(median(version)),
    node_e_0: round(median(node)),
    // What is ours: each --version less the bare start timed just after it.
    version_over_node: round(median(version.map((ms, i) => ms - (node[i] ?? 0)))),
    extra_ca_certs: nodeWithCerts.length > 0 ? round(median(nodeWithCerts) - median(node)) : 0,
    first_frame: round(median(firstFrame)),
  };
}

function startupEnv(work: string): Record<string, string> {
  const { NODE_EXTRA_CA_CERTS: _machine, ...env } = benchEnv(work);
  return env;
}

function timeToFirstFrame(
  { dist, work, columns, rows }: Omit<StartupPlace, 'startups'>,
  env: Record<string, string>,
): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    const term = pty.spawn(process.execPath, [join(dist, 'cli.js'), '--offline'], {
      cols: columns,
      rows,
      cwd: work,
      env,
    });
    let seen = '';
    const timer = setTimeout(() => {
      term.kill();
      reject(new Error('no first frame within 10 s'));
    }, 10_000);
    term.onData((data) => {
      seen += data;
      if (seen.includes('Type a prompt')) {
        clearTimeout(timer);
        const ms = performance.now() - start;
        term.kill();
        resolvePromise(ms);
      }
    });
  });
}
