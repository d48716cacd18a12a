import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBench } from '../../scripts/build.mjs';

const run = promisify(execFile);

// The benchmark at --quick sizes, so it cannot rot. It gates on counts, never on wall time:
// the machine running the tests may be busy.
describe('npm run bench -- --quick', () => {
  let results: Record<string, Record<string, number>>;

  beforeAll(async () => {
    await buildBench();
    const { stdout } = await run(
      process.execPath,
      ['dist/bench/run.js', '--quick', '--json', '--only=throughput,history,terminal,tap_overhead_ms'],
      {
        timeout: 120_000,
        maxBuffer: 10 * 1024 * 1024,
      },
    );
    results = JSON.parse(stdout);
  }, 150_000);

  it('prints every key the README documents', () => {
    for (const key of [
      'sdk_cpu_ms',
      'print_cpu_ms',
      'tui_cpu_ms',
      'print_ratio',
      'print_saved_cpu_ms',
      'print_saved_ratio',
      'tui_ratio',
      'wire_floor_ratio',
      'headless_ratio',
      'headless_saved_ratio',
      'tui_last_delta_over_sdk_ms',
    ]) {
      expect(results.throughput?.[key], key).toBeTypeOf('number');
    }
    for (const key of ['frame_ms_0', 'frame_ms_1000', 'ratio'])
      expect(results.history?.[key], key).toBeTypeOf('number');
    for (const key of ['frames', 'bytes_total', 'bytes_per_frame_max', 'full_clears']) {
      expect(results.terminal?.[key], key).toBeTypeOf('number');
    }
  });

  it('never clears the whole screen while streaming', () => {
    expect(results.terminal?.full_clears).toBe(0);
  });

  it('renders at most once per frame, however many deltas arrive', () => {
    expect(results.throughput?.renders_per_frame).toBeLessThanOrEqual(1);
    // 2,000 deltas at zero delay: the store coalesces them into frames.
    expect(results.throughput?.notifications_per_delta).toBeLessThan(0.2);
    expect(results.terminal?.frames).toBeGreaterThan(0);
  });

  it('keeps each frame bounded by the screen, with nothing proportional to the history', () => {
    const cells = results.terminal?.screen_cells ?? 0;
    // A cell costs at most a character and its colour codes.
    expect(results.terminal?.bytes_per_frame_max).toBeLessThanOrEqual(cells * 24);
    expect(results.terminal?.hidden_bytes_per_frame_max).toBeLessThanOrEqual(cells * 24);
    const empty = results.history?.bytes_per_frame_max_0 ?? 0;
    const full = results.history?.bytes_per_frame_max_1000 ?? Number.POSITIVE_INFINITY;
    expect(full).toBeLessThanOrEqual(Math.max(empty * 1.5, cells * 24));
  });

  it('reads every event of the tap section through the tap and the relay', () => {
    const tap = results.tap_overhead_ms;
    // long:100 is 100 deltas and the events around them.
    expect(tap?.events).toBeGreaterThan(100);
    for (const key of [
      'direct_p99',
      'tap_p99',
      'p50',
      'p99',
      'relay_p50',
      'relay_p99',
      'tap_cpu_us_per_event',
    ])
      expect(tap?.[key], key).toBeTypeOf('number');
  });
});
