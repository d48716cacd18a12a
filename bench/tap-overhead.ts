import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { startOfflineServer } from '../src/offline/server.js';
import { percentile } from './report.js';

/**
 * What `streambook tap` adds to each event. Two offline servers stream the same paced deltas
 * at once: a client reads one straight, and the other through the tap (the built CLI, its own
 * process, as a user runs it). The client is a process of its own too (child-tap-client.ts):
 * read in the servers' process, the straight stream crossed no process at all while the tapped
 * one crossed two, and what the tap added was counted with a wake-up the client pays anyway.
 * Each event's latency is from its server handing it to the socket to the client reading it.
 * Read side by side, a stall of the machine hits both streams, and the per-event difference is
 * what the tap adds. BENCH_TAP_NODE_FLAGS (say `--cpu-prof --cpu-prof-dir=DIR`) go to the tap.
 */
export async function tapOverhead(
  dist: string,
  deltas: number,
  perSecond: number,
): Promise<Record<string, number>> {
  const direct = await pacedServer(deltas, perSecond);
  const behind = await pacedServer(deltas, perSecond);
  const state = mkdtempSync(join(tmpdir(), 'streambook-bench-tap-'));
  const flags = process.env.BENCH_TAP_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
  const tap = spawn(
    process.execPath,
    [
      ...flags,
      join(dist, 'cli.js'),
      'tap',
      '--port',
      '0',
      '--upstream',
      behind.server.url,
      '--state-dir',
      state,
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  let client: ChildProcessByStdio<Writable, Readable, null> | undefined;
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      tap.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        const match = /export ANTHROPIC_BASE_URL=(\S+)/.exec(out);
        if (match) resolve(match[1] as string);
      });
      tap.once('exit', () => reject(new Error('the tap exited before it listened')));
    });
    client = spawn(
      process.execPath,
      [join(dist, 'bench', 'child-tap-client.js'), '--direct', direct.server.url, '--tapped', url],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const rounds = createInterface({ input: client.stdout })[Symbol.asyncIterator]();
    const both = async (): Promise<Record<'direct' | 'tapped', number[]>> => {
      direct.written.length = 0;
      behind.written.length = 0;
      client?.stdin.write('go\n');
      const round = await rounds.next();
      if (round.done) throw new Error('the tap bench client exited mid-round');
      const arrived = JSON.parse(round.value) as Record<'direct' | 'tapped', number[]>;
      return { direct: since(direct.written, arrived.direct), tapped: since(behind.written, arrived.tapped) };
    };
    // Warm both paths (JIT, connections) before measuring.
    await both();
    const cpuBefore = cpuMs(tap.pid);
    const { direct: straight, tapped } = await both();
    const cpu = cpuMs(tap.pid) - cpuBefore;
    const added = tapped.map((t, seq) => t - (straight[seq] ?? t));
    const at = (samples: number[], p: number) => round(percentile(samples, p));
    return {
      direct_p50: at(straight, 50),
      direct_p99: at(straight, 99),
      tap_p50: at(tapped, 50),
      tap_p99: at(tapped, 99),
      p50: at(added, 50),
      p99: at(added, 99),
      events: tapped.length,
      // The tap's CPU per event (forwarding and recording), which a loaded machine does not change.
      ...(Number.isFinite(cpu) ? { tap_cpu_us_per_event: Math.round((cpu * 1000) / tapped.length) } : {}),
    };
  } finally {
    client?.stdin.end();
    tap.kill('SIGTERM');
    await direct.server.close();
    await behind.server.close();
    rmSync(state, { recursive: true, force: true });
  }
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

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
