import { createClient } from '../src/engine/client.js';
import { withPrompt } from '../src/engine/history.js';
import { streamTurn } from '../src/engine/turn.js';
import type { TurnSettings, TurnUpdate } from '../src/engine/types.js';
import { Session } from '../src/session/session.js';
import { applyUpdate, type Cell, newCell } from '../src/store/cell.js';
import { initialState } from '../src/store/session-state.js';
import { SessionStore } from '../src/store/session-store.js';
import { enterFullScreen } from '../src/terminal/full-screen.js';
import { loadRenderers } from '../src/ui/render/markdown-loader.js';
import { FRAME_MS, renderNotebook } from '../src/ui/run-notebook.js';
import { arg, cpuMs, report } from './child-result.js';
import { TerminalMeter } from './terminal-meter.js';

// The full notebook, rendering into the real pseudo-terminal the runner gave this process.
const settings: TurnSettings = {
  model: 'claude-sonnet-4-6',
  maxTokens: Number(arg('max-tokens', '30000')),
  mode: 'helper',
};
const client = createClient({ apiKey: 'bench', baseURL: arg('url', '') });
const store = new SessionStore(initialState(settings, { offline: false, describe: 'benchmark' }, null), {
  frameMs: FRAME_MS,
});
const session = new Session(store, client, null);
if (arg('timeline', 'on') === 'off') session.view(() => ({ timeline: false }));

const meter = new TerminalMeter(process.stdout, () => store.getSnapshot().cells.at(-1)?.eventCount ?? 0);
let commits = 0;
let reactMs = 0;
let inkMs = 0;
const screen = enterFullScreen(process.stdout);
const notebook = renderNotebook(session, {
  onCommit: () => {
    commits++;
    meter.committed();
  },
  onRender: ({ renderTime, frameMs }) => {
    inkMs += renderTime;
    reactMs += frameMs;
  },
});
// Steady state, as a person meets it: the renderers the notebook loads after its first frame
// are in, and one reply has gone through every path once.
await loadRenderers();
await warmUp(arg('warm-url', ''));
const prior = Number(arg('prior', '0'));
if (prior > 0) await seedCells(prior, arg('seed-url', ''));
await settle();

const turns = Number(arg('turns', '1'));
const targetEvents = Number(arg('events', '0'));
meter.reset();
commits = 0;
reactMs = 0;
inkMs = 0;
const before = cpuMs();
let events = 0;
for (let turn = 0; turn < turns || events < targetEvents; turn++) {
  session.submit(`bench ${turn + 1}`);
  await session.settled();
  events += store.getSnapshot().cells.at(-1)?.eventCount ?? 0;
}
await settle();
const cpu = cpuMs() - before;
const frames = meter.stop();
const last = store.getSnapshot().cells.at(-1) as Cell;
globalThis.gc?.();
const memory = process.memoryUsage();

report({
  cpuMs: cpu,
  status: last.status,
  events,
  deltas: last.metrics?.eventCounts.content_block_delta ?? 0,
  commits,
  notifications: store.notifications,
  reactMs,
  inkMs,
  frames: frames.count,
  bytesTotal: frames.bytes,
  bytesPerFrameMax: frames.maxFrameBytes,
  fullClears: frames.clears,
  frameTimes: arg('frame-times', 'off') === 'on' ? frames.times : [],
  frameMs: store.frameMs,
  rssMb: memory.rss / 1024 / 1024,
  heapMb: memory.heapUsed / 1024 / 1024,
  columns: process.stdout.columns,
  rows: process.stdout.rows,
});
notebook.unmount();
screen.leave();
process.exit(0);

/** Lets the last frame go out: one frame interval plus Ink's throttle. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, FRAME_MS * 4));
}

async function warmUp(url: string): Promise<void> {
  if (!url) return;
  const warm = new Session(store, createClient({ apiKey: 'bench', baseURL: url }), null);
  warm.submit('warm up');
  await warm.settled();
  session.clear();
  await settle();
}

/** Finished cells made by the real reducer from one real turn's updates, replayed. */
async function seedCells(count: number, url: string): Promise<void> {
  const updates: TurnUpdate[] = [];
  const seedClient = createClient({ apiKey: 'bench', baseURL: url });
  await streamTurn({ client: seedClient, messages: withPrompt([], 'seed'), settings }, (update) =>
    updates.push(update),
  );
  const cells: Cell[] = [];
  for (let id = 1; id <= count; id++) {
    cells.push(updates.reduce(applyUpdate, newCell(id, `earlier prompt number ${id}`, settings, null)));
  }
  store.updateNow((state) => ({ ...state, cells }));
}
