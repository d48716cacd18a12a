// First: it watches for yoga's WebAssembly memory being made.
import './memory-parts.js';
import { writeFileSync } from 'node:fs';
import { Session as Inspector } from 'node:inspector/promises';
import { writeHeapSnapshot } from 'node:v8';
import { type Config, resolveConfig } from '../src/config/config.js';
import { createClient } from '../src/engine/client.js';
import { withPrompt } from '../src/engine/history.js';
import { streamTurn } from '../src/engine/turn.js';
import type { TurnUpdate } from '../src/engine/types.js';
import { Session } from '../src/session/session.js';
import { applyUpdate, type Cell, newCell } from '../src/store/cell.js';
import { eventCounts } from '../src/store/event-counts.js';
import { FRAME_MS } from '../src/ui/frames.js';
import { loadRenderers } from '../src/ui/render/markdown-loader.js';
import { type RunningNotebook, runNotebook } from '../src/ui/run-notebook.js';
import { arg, cpuMs, report } from './child-result.js';
import { memoryParts } from './memory-parts.js';
import { type FrameTime, TerminalMeter } from './terminal-meter.js';

// The full notebook, as the CLI starts it, rendering into the real pseudo-terminal the runner
// gave this process. The key is too short to redact, as the bench always ran: the live
// connection is set here rather than read from the environment, which would refuse it.
const config: Config = {
  ...resolveConfig(['--max-tokens', arg('max-tokens', '30000')], {
    XDG_STATE_HOME: process.env.XDG_STATE_HOME,
  }),
  connection: { kind: 'live', apiKey: 'bench', baseURL: arg('url', '') },
};
const { settings } = config;

let running: RunningNotebook | undefined;
const eventsShown = () => running?.session.state.cells.at(-1)?.eventCount ?? 0;
const meter = new TerminalMeter(process.stdout, eventsShown);
let commits = 0;
let reactMs = 0;
let inkMs = 0;

await runNotebook(config, {
  onCommit: () => {
    commits++;
    meter.committed();
  },
  onRender: ({ renderTime, frameMs }) => {
    inkMs += renderTime;
    reactMs += frameMs;
  },
  onStart: (notebook) => {
    running = notebook;
    measure(notebook).catch((error: unknown) => {
      process.stderr.write(`bench child failed: ${String(error)}\n`);
      process.exit(1);
    });
  },
});
process.exit(0);

async function measure(notebook: RunningNotebook): Promise<void> {
  const { session, frames } = notebook;
  if (arg('timeline', 'on') === 'off') session.view(() => ({ timelineShown: false }));
  // Steady state, as a person meets it: the renderers the notebook loads after its first frame
  // are in, and one reply has gone through every path once.
  await loadRenderers();
  await warmUp(session, arg('warm-url', ''));
  const prior = Number(arg('prior', '0'));
  if (prior > 0) await seedCells(session, prior, arg('seed-url', ''));
  await settle();

  const turns = Number(arg('turns', '1'));
  const targetEvents = Number(arg('events', '0'));
  // The memory after this turn, to tell growth per turn from the cost of the first ones.
  const sampleTurn = Number(arg('sample-turn', '0'));
  let sampled: Record<string, number> | undefined;
  // `--heap-snapshot FILE`: what the heap holds at the end (and after the sampled turn), for
  // finding what a session keeps.
  const snapshot = arg('heap-snapshot', '');
  meter.reset();
  commits = 0;
  reactMs = 0;
  inkMs = 0;
  const windowProfile = process.env.BENCH_WINDOW_PROF;
  const inspector = windowProfile ? new Inspector() : undefined;
  if (inspector) {
    inspector.connect();
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.start');
  }
  const before = cpuMs();
  const submitted = performance.timeOrigin + performance.now();
  let events = 0;
  for (let turn = 0; turn < turns || events < targetEvents; turn++) {
    session.submit(`bench ${turn + 1}`);
    await session.settled();
    events += session.state.cells.at(-1)?.eventCount ?? 0;
    if (turn + 1 === sampleTurn) {
      await settle();
      globalThis.gc?.();
      sampled = memoryParts();
      if (snapshot) writeHeapSnapshot(`${snapshot}.turn-${sampleTurn}`);
    }
  }
  await settle();
  const cpu = cpuMs() - before;
  if (inspector && windowProfile) {
    const { profile } = await inspector.post('Profiler.stop');
    writeFileSync(`${windowProfile}/window-${process.pid}.cpuprofile`, JSON.stringify(profile));
    const counts = { cpu, commits, notifications: frames.notifications, reactMs, inkMs };
    writeFileSync(`${windowProfile}/window-${process.pid}.json`, JSON.stringify(counts));
  }
  const shown = meter.stop();
  const last = session.state.cells.at(-1) as Cell;
  globalThis.gc?.();
  const memory = memoryParts();
  if (snapshot) writeHeapSnapshot(snapshot);

  report({
    cpuMs: cpu,
    status: last.status,
    events,
    deltas: eventCounts(last).content_block_delta ?? 0,
    commits,
    notifications: frames.notifications,
    reactMs,
    inkMs,
    frames: shown.count,
    bytesTotal: shown.bytes,
    bytesPerFrameMax: shown.maxFrameBytes,
    fullClears: shown.clears,
    frameTimes: arg('frame-times', 'off') === 'on' ? shown.times : [],
    frameMs: frames.frameMs,
    lastDeltaWallMs: lastDeltaShown(last, shown.times) - submitted,
    memory,
    sampled,
    columns: process.stdout.columns,
    rows: process.stdout.rows,
  });
  notebook.quit();
}

/** When the first frame that shows the turn's last delta went out (epoch ms). */
function lastDeltaShown(cell: Cell, times: readonly FrameTime[]): number {
  const lastDelta = cell.events.findLastIndex((event) => event.event === 'content_block_delta');
  return times.find((frame) => frame.events > lastDelta)?.t ?? Number.NaN;
}

/** Lets the last frame go out: one frame interval plus Ink's throttle. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, FRAME_MS * 4));
}

async function warmUp(session: Session, url: string): Promise<void> {
  if (!url) return;
  const warm = new Session(session.store, createClient({ apiKey: 'bench', baseURL: url }), null);
  warm.submit('warm up');
  await warm.settled();
  session.clear();
  await settle();
}

/** Finished cells made by the real reducer from one real turn's updates, replayed. */
async function seedCells(session: Session, count: number, url: string): Promise<void> {
  const updates: TurnUpdate[] = [];
  const seedClient = createClient({ apiKey: 'bench', baseURL: url });
  await streamTurn({ client: seedClient, messages: withPrompt([], 'seed'), settings }, (update) =>
    updates.push(update),
  );
  const cells: Cell[] = [];
  for (let id = 1; id <= count; id++) {
    cells.push(updates.reduce(applyUpdate, newCell(id, `earlier prompt number ${id}`, settings, null)));
  }
  session.store.update((state) => ({ ...state, cells }));
}
