import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startOfflineServer } from '../src/offline/server.js';
import { charDelta } from './char-delta.js';
import { benchChildren, type TuiResult } from './children.js';
import { inputEcho } from './input-echo.js';
import { interrupt } from './interrupt.js';
import { longline } from './longline.js';
import { outputStage } from './output-stage.js';
import { paste } from './paste.js';
import { formatTable, median, percentile, round } from './report.js';
import { sessions } from './sessions.js';
import { startup } from './startup.js';
import { tapOverhead } from './tap-overhead.js';
import { throughput } from './throughput.js';

// `npm run bench [-- --quick] [-- --json]`: the numbers behind the README's Performance table.
const quick = process.argv.includes('--quick');
const json = process.argv.includes('--json');
// `--cpu-prof`: each notebook child writes a V8 CPU profile, for finding where frames go.
const profile = process.argv.includes('--cpu-prof');
// `--heap-snapshot`: the memory section's sessions write V8 heap snapshots (at the end, and
// after turn 10 of the short turns).
const heapSnapshot = process.argv.includes('--heap-snapshot');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const SIZE = quick
  ? {
      deltas: 2000,
      priorCells: 1000,
      historyDeltas: 300,
      paced: 100,
      memoryEvents: 10_000,
      ratioRuns: 1,
      memoryTurns: 20,
      startups: 2,
    }
  : {
      deltas: 20_000,
      priorCells: 1000,
      historyDeltas: 2000,
      paced: 400,
      memoryEvents: 100_000,
      ratioRuns: 5,
      memoryTurns: 50,
      startups: 5,
    };
const COLUMNS = 120;
const ROWS = 40;
const PACED_PER_SECOND = 200;
const DIST = resolve('dist');
const work = mkdtempSync(join(tmpdir(), 'streambook-bench-'));

const log = (line: string) => {
  if (!json) process.stderr.write(`${line}\n`);
};

// Every notebook child first sends one short turn here, so it is measured warm.
const warm = await startOfflineServer({ pace: 'none', scenario: 'chat' });
const { tui, child } = benchChildren({
  dist: DIST,
  work,
  columns: COLUMNS,
  rows: ROWS,
  warmUrl: warm.url,
  profile,
});
const SECTIONS = {
  throughput: () => throughput(SIZE, { tui, child }, log),
  history,
  latency_ms: latency,
  output: () => outputStage(SIZE.historyDeltas, COLUMNS, ROWS),
  terminal,
  memory,
  startup_ms: () => {
    log('startup: --version, bare node and the first frame');
    return startup({ dist: DIST, work, columns: COLUMNS, rows: ROWS, startups: SIZE.startups });
  },
  longline: () => longline(tui),
  paste,
  interrupt,
  // A fixed pace, faster than a model's (30-80 a second), so 20k deltas stream in 20 s.
  input_echo_ms: () => inputEcho(SIZE.deltas, quick ? 200 : 1000),
  sessions: () => sessions(SIZE.deltas, 1000),
  tap_overhead_ms: () => tapOverhead(DIST, SIZE.paced, PACED_PER_SECOND),
};
const results: Record<string, Record<string, number>> = {};
for (const [name, run] of Object.entries(SECTIONS)) {
  if (!only || only.split(',').includes(name)) results[name] = await run();
}
await warm.close();
if (profile) log(`CPU profiles: ${join(work, 'profiles')}`);
if (heapSnapshot) log(`heap snapshots: ${work}`);
if (json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
else process.stdout.write(`${formatTable(results, { quick, columns: COLUMNS, rows: ROWS, size: SIZE })}\n`);

async function history() {
  log(`history: ${SIZE.paced} deltas at ${PACED_PER_SECOND}/s after 0 and ${SIZE.priorCells} finished cells`);
  // Paced, so a stream takes many frames and the mean is of steady streaming frames.
  const server = await startOfflineServer({
    pace: { deltasPerSecond: PACED_PER_SECOND },
    scenario: `long:${SIZE.paced}`,
  });
  const seed = await startOfflineServer({ pace: 'none', scenario: 'long:300' });
  try {
    const args = [
      '--url',
      server.url,
      '--seed-url',
      seed.url,
      '--max-tokens',
      String(SIZE.historyDeltas + 1000),
    ];
    // Each run times both, in turn; the ratio is the median of the runs' own ratios.
    const pairs: Array<{ empty: TuiResult; full: TuiResult }> = [];
    for (let i = 0; i < SIZE.ratioRuns; i++) {
      pairs.push({
        empty: await tui([...args, '--prior', '0']),
        full: await tui([...args, '--prior', String(SIZE.priorCells)]),
      });
    }
    // From the App's render to Ink's output being ready (React, then Ink's layout and output).
    const perFrame = (r: TuiResult) => r.reactMs / Math.max(1, r.commits);
    return {
      frame_ms_0: round(median(pairs.map((p) => perFrame(p.empty))), 3),
      frame_ms_1000: round(median(pairs.map((p) => perFrame(p.full))), 3),
      ratio: round(median(pairs.map((p) => perFrame(p.full) / perFrame(p.empty))), 2),
      prior_cells: SIZE.priorCells,
      bytes_per_frame_max_0: Math.max(...pairs.map((p) => p.empty.bytesPerFrameMax)),
      bytes_per_frame_max_1000: Math.max(...pairs.map((p) => p.full.bytesPerFrameMax)),
    };
  } finally {
    await server.close();
    await seed.close();
  }
}

async function latency() {
  log(`latency: ${SIZE.paced} deltas at ${PACED_PER_SECOND}/s`);
  const written: number[] = [];
  const kinds: string[] = [];
  const server = await startOfflineServer({
    pace: { deltasPerSecond: PACED_PER_SECOND },
    scenario: `long:${SIZE.paced}`,
    onEventWritten: (event) => {
      written.push(performance.timeOrigin + performance.now());
      kinds.push(event ?? '');
    },
  });
  try {
    const run = await tui([
      '--url',
      server.url,
      '--max-tokens',
      String(SIZE.paced + 1000),
      '--frame-times',
      'on',
    ]);
    const delays: number[] = [];
    kinds.forEach((kind, seq) => {
      if (kind !== 'content_block_delta') return;
      const frame = run.frameTimes.find((f) => f.events > seq);
      if (frame) delays.push(frame.t - (written[seq] as number));
    });
    return {
      p50: round(percentile(delays, 50), 1),
      p95: round(percentile(delays, 95), 1),
      p99: round(percentile(delays, 99), 1),
      frame_interval_ms: round(run.frameMs, 1),
      samples: delays.length,
    };
  } finally {
    await server.close();
  }
}

async function terminal() {
  log('terminal: timeline shown and hidden');
  const server = await startOfflineServer({ pace: 'none', scenario: `long:${SIZE.historyDeltas}` });
  try {
    const args = ['--url', server.url, '--max-tokens', String(SIZE.historyDeltas + 1000)];
    const shown = await tui(args);
    const hidden = await tui([...args, '--timeline', 'off']);
    const { char_delta_full_clears, ...perDelta } = await charDelta(tui);
    return {
      frames: shown.frames,
      bytes_total: shown.bytesTotal,
      bytes_per_frame_max: shown.bytesPerFrameMax,
      full_clears: shown.fullClears + hidden.fullClears + (char_delta_full_clears ?? 0),
      hidden_frames: hidden.frames,
      hidden_bytes_total: hidden.bytesTotal,
      hidden_bytes_per_frame_max: hidden.bytesPerFrameMax,
      screen_cells: COLUMNS * ROWS,
      ...perDelta,
    };
  } finally {
    await server.close();
  }
}

async function memory() {
  log(`memory: a session of ${SIZE.memoryEvents} events, and ${SIZE.memoryTurns} short turns`);
  const long = await startOfflineServer({ pace: 'none', scenario: 'long:10000' });
  const chat = await startOfflineServer({ pace: 'none', scenario: 'chat' });
  try {
    const longTurn = ['--url', long.url, '--max-tokens', '11000', '--turns', '1'];
    const run = await tui(
      [
        ...[...longTurn, '--events', String(SIZE.memoryEvents)],
        ...(heapSnapshot ? ['--heap-snapshot', join(work, 'events.heapsnapshot')] : []),
      ],
      ['--expose-gc'],
    );
    // Growth from turn 10 to the last: what each turn leaves behind, past the first turns' setup.
    const turns = await tui(
      [
        ...['--url', chat.url, '--turns', String(SIZE.memoryTurns), '--sample-turn', '10'],
        ...(heapSnapshot ? ['--heap-snapshot', join(work, 'turns.heapsnapshot')] : []),
      ],
      ['--expose-gc'],
    );
    const at10 = turns.sampled ?? {};
    const { memory: end } = run;
    return {
      rss_mb_100k_events: end.rss ?? 0,
      heap_mb_100k_events: end.heap_used ?? 0,
      // Where the rest of the RSS is (MB): V8's heap as committed, its young generation, memory
      // outside the heap, yoga's WebAssembly memory, and the part backed by files (Node's code).
      heap_total_mb: end.heap_total ?? 0,
      new_space_mb: end.new_space ?? 0,
      external_mb: end.external ?? 0,
      wasm_mb: end.wasm ?? 0,
      rss_file_mb: end.rss_file ?? 0,
      events: run.events,
      [`rss_growth_mb_${SIZE.memoryTurns}_turns`]: round((turns.memory.rss ?? 0) - (at10.rss ?? 0), 1),
      [`heap_growth_mb_${SIZE.memoryTurns}_turns`]: round(
        (turns.memory.heap_used ?? 0) - (at10.heap_used ?? 0),
        1,
      ),
    };
  } finally {
    await long.close();
    await chat.close();
  }
}
