import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { startOfflineServer } from '../src/offline/server.js';
import { percentile } from './report.js';

type Path = 'direct' | 'tapped' | 'relayed';

/**
 * What `streambook tap` adds to each event. Three offline servers stream the same paced deltas
 * at once: a client reads one straight, one through the tap (the built CLI, its own process,
 * as a user runs it), and one through a bare TCP relay (child-tcp-relay.ts), the floor any
 * proxy process pays here. The client is a process of its own too (child-tap-client.ts), as
 * an SDK client is: read in the servers' process, the straight stream crossed no process at
 * all, and the tap was charged a wake-up every client pays. Each event's latency is from its
 * server handing it to the socket to the client reading it. Read side by side, a stall of the
 * machine hits every stream, and the per-event difference from the straight one is what the
 * proxy adds. BENCH_TAP_NODE_FLAGS (say `--cpu-prof --cpu-prof-dir=DIR`) go to the tap.
 */
export async function tapOverhead(
  dist: string,
  deltas: number,
  perSecond: number,
): Promise<Record<string, number>> {
  const servers = {
    direct: await pacedServer(deltas, perSecond),
    tapped: await pacedServer(deltas, perSecond),
    relayed: await pacedServer(deltas, perSecond),
  };
  const state = mkdtempSync(join(tmpdir(), 'streambook-bench-tap-'));
  const flags = process.env.BENCH_TAP_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
  const upstream = ['--upstream', servers.tapped.server.url, '--state-dir', state];
  const proxy = (args: string[]) => spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] });
  const tap = proxy([...flags, join(dist, 'cli.js'), 'tap', '--port', '0', ...upstream]);
  const relay = proxy([join(dist, 'bench', 'child-tcp-relay.js'), '--upstream', servers.relayed.server.url]);
  let client: ChildProcessByStdio<Writable, Readable, null> | undefined;
  try {
    const urls = [
      `direct=${servers.direct.server.url}`,
      `tapped=${await listening(tap)}`,
      `relayed=${await listening(relay)}`,
    ];
    client = spawn(process.execPath, [join(dist, 'bench', 'child-tap-client.js'), '--urls', urls.join(',')], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: client.stdout })[Symbol.asyncIterator]();
    const round = async (): Promise<Record<Path, number[]>> => {
      for (const { written } of Object.values(servers)) written.length = 0;
      client?.stdin.write('go\n');
      const line = await lines.next();
      if (line.done) throw new Error('the tap bench client exited mid-round');
      const arrived = JSON.parse(line.value) as Record<Path, number[]>;
      const latency = (path: Path) => since(servers[path].written, arrived[path]);
      return { direct: latency('direct'), tapped: latency('tapped'), relayed: latency('relayed') };
    };
    // Warm every path (JIT, connections) before measuring.
    await round();
    const cpuBefore = cpuMs(tap.pid);
    const { direct, tapped, relayed } = await round();
    const cpu = cpuMs(tap.pid) - cpuBefore;
    const over = (through: number[]) => through.map((t, seq) => t - (direct[seq] ?? t));
    const at = (samples: number[], p: number) => round3(percentile(samples, p));
    return {
      direct_p50: at(direct, 50),
      direct_p99: at(direct, 99),
      tap_p50: at(tapped, 50),
      tap_p99: at(tapped, 99),
      p50: at(over(tapped), 50),
      p99: at(over(tapped), 99),
      relay_p50: at(over(relayed), 50),
      relay_p99: at(over(relayed), 99),
      events: tapped.length,
      // The tap's CPU per event (forwarding and recording), which a loaded machine does not change.
      ...(Number.isFinite(cpu) ? { tap_cpu_us_per_event: Math.round((cpu * 1000) / tapped.length) } : {}),
    };
  } finally {
    client?.stdin.end();
    tap.kill('SIGTERM');
    relay.kill('SIGTERM');
    for (const { server } of Object.values(servers)) await server.close();
    rmSync(state, { recursive: true, force: true });
  }
}

/** The URL a proxy child says it listens on (`export ANTHROPIC_BASE_URL=…` on stdout). */
function listening(proxy: ChildProcessByStdio<null, Readable, null>): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    proxy.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /export ANTHROPIC_BASE_URL=(\S+)/.exec(out);
      if (match) resolve(match[1] as string);
    });
    proxy.once('exit', () => reject(new Error(`${proxy.spawnargs.join(' ')} exited before it listened`)));
  });
}

/** Each event's ms from its write (this process's clock) to its arrival (ms since the epoch). */
function since(written: readonly number[], arrived: readonly number[]): number[] {
  if (written.length !== arrived.length)
    throw new Error(`${written.length} events written but ${arrived.length} read`);
  return arrived.map((t, seq) => t - (performance.timeOrigin + (written[seq] as number)));
}

/** A process's CPU time so far (user and system), from /proc; NaN where there is none. */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime, the 14th and 15th fields, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

async function pacedServer(deltas: number, perSecond: number) {
  const written: number[] = [];
  const server = await startOfflineServer({
    pace: { deltasPerSecond: perSecond },
    scenario: `long:${deltas}`,
    onEventWritten: () => written.push(performance.now()),
  });
  return { server, written };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
