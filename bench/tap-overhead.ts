import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOfflineServer } from '../src/offline/server.js';
import { percentile } from './report.js';

/**
 * What `streambook tap` adds to each event. Two offline servers stream the same paced deltas
 * at once: a client reads one straight, and the other through the tap (the built CLI, its own
 * process, as a user runs it). Each event's latency is from its server handing it to the
 * socket to the client reading it, on one clock. Read side by side, a stall of the machine
 * hits both streams, and the per-event difference is what the tap adds.
 */
export async function tapOverhead(
  cli: string,
  deltas: number,
  perSecond: number,
): Promise<Record<string, number>> {
  const direct = await pacedServer(deltas, perSecond);
  const behind = await pacedServer(deltas, perSecond);
  const state = mkdtempSync(join(tmpdir(), 'streambook-bench-tap-'));
  const tap = spawn(
    process.execPath,
    [cli, 'tap', '--port', '0', '--upstream', behind.server.url, '--state-dir', state],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
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
    const both = () =>
      Promise.all([latencies(direct.server.url, direct.written), latencies(url, behind.written)]);
    // Warm both paths (JIT, connections) before measuring.
    await both();
    const cpuBefore = cpuMs(tap.pid);
    const [straight, tapped] = await both();
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
    tap.kill('SIGTERM');
    await direct.server.close();
    await behind.server.close();
    rmSync(state, { recursive: true, force: true });
  }
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

/** One streamed answer read at `url`: each event's ms from its write to its arrival. */
function latencies(url: string, written: number[]): Promise<number[]> {
  written.length = 0;
  const body = JSON.stringify({
    model: 'claude-sonnet-4-6',
    max_tokens: 100_000,
    stream: true,
    messages: [{ role: 'user', content: 'bench' }],
  });
  return new Promise((resolve, reject) => {
    const arrived: number[] = [];
    let pending = '';
    const req = request(
      `${url}/v1/messages`,
      { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': 'bench' } },
      (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          const now = performance.now();
          pending += chunk;
          const events = pending.split('\n\n');
          pending = events.pop() ?? '';
          for (let i = 0; i < events.length; i++) arrived.push(now);
        });
        res.on('end', () => resolve(arrived.map((t, seq) => t - (written[seq] ?? t))));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
