import { EventEmitter } from 'node:events';
import { render } from 'ink';
import InkOutput from 'ink/build/output.js';
import { createClipboard } from '../src/clipboard/clipboard.js';
import { createClient } from '../src/engine/client.js';
import { startOfflineServer } from '../src/offline/server.js';
import { Session } from '../src/session/session.js';
import { initialState } from '../src/store/session-state.js';
import { SessionStore } from '../src/store/session-store.js';
import { App } from '../src/ui/App.js';
import Output from '../src/ui/frame/output.js';
import { forgetStyledLines } from '../src/ui/frame/styled-line.js';
import { loadRenderers } from '../src/ui/render/markdown-loader.js';
import { cpuMs } from './child-result.js';

/** What Output records of a frame; the same for Ink's (write, clip and unclip, in order). */
type Operation =
  | {
      type: 'write';
      x: number;
      y: number;
      text: string;
      transformers: ((line: string, index: number) => string)[];
    }
  | { type: 'clip'; clip: Parameters<Output['clip']>[0] }
  | { type: 'unclip' };

/**
 * The output stage alone, in CPU time (wall time on a shared machine says more about the
 * neighbours): the real App streams a long reply at COLUMNS×ROWS under real Ink, every frame's
 * writes are recorded, and the frames are printed again by Ink's Output and by ours.
 */
export async function outputStage(
  deltas: number,
  columns: number,
  rows: number,
): Promise<Record<string, number>> {
  const frames = await recordFrames(deltas, columns, rows);
  const time = (OutputClass: typeof Output | typeof InkOutput) => {
    // Ours starts with no line known, as the recording left them all known.
    forgetStyledLines();
    const before = cpuMs();
    for (const frame of frames) replay(new OutputClass(frame), frame.operations).get();
    return (cpuMs() - before) / Math.max(1, frames.length);
  };
  // Twice each, alternating, so neither runs cold; the second pair is the one reported.
  time(InkOutput);
  time(Output);
  const ink = time(InkOutput);
  const ours = time(Output);
  const { lines, fresh } = lineCounts(frames);
  return {
    frames: frames.length,
    lines_per_frame: round(lines / Math.max(1, frames.length)),
    new_lines_per_frame: round(fresh / Math.max(1, frames.length)),
    ink_get_ms: round(ink),
    our_get_ms: round(ours),
    speedup: round(ink / ours),
  };
}

/** Lines written per frame, and those no earlier frame wrote: the ones ours must tokenize. */
function lineCounts(frames: readonly { operations: readonly Operation[] }[]) {
  const seen = new Set<string>();
  let lines = 0;
  let fresh = 0;
  for (const frame of frames) {
    for (const op of frame.operations) {
      if (op.type !== 'write') continue;
      op.text.split('\n').forEach((text, index) => {
        const line = op.transformers.reduce((l, transform) => transform(l, index), text);
        lines++;
        if (!seen.has(line)) fresh++;
        seen.add(line);
      });
    }
  }
  return { lines, fresh };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function replay<T extends Output | InkOutput>(output: T, operations: readonly Operation[]): T {
  for (const op of operations) {
    if (op.type === 'write') output.write(op.x, op.y, op.text, { transformers: op.transformers });
    else if (op.type === 'clip') output.clip(op.clip);
    else output.unclip();
  }
  return output;
}

async function recordFrames(deltas: number, columns: number, rows: number) {
  const frames: { width: number; height: number; operations: Operation[] }[] = [];
  const ownGet = Output.prototype.get;
  Output.prototype.get = function (this: Output) {
    frames.push({
      width: this.width,
      height: this.height,
      operations: [...(this as unknown as { operations: Operation[] }).operations],
    });
    return ownGet.call(this);
  };
  const server = await startOfflineServer({ pace: { deltasPerSecond: 500 }, scenario: `long:${deltas}` });
  const store = new SessionStore(
    initialState(
      { model: 'claude-sonnet-4-6', maxTokens: deltas + 1000, mode: 'helper' },
      { offline: false, describe: 'bench' },
      null,
    ),
  );
  const session = new Session(
    store,
    createClient({ apiKey: 'bench', baseURL: server.url, maxRetries: 0 }),
    null,
    {},
  );
  await loadRenderers();
  const stdout = Object.assign(new EventEmitter(), { columns, rows, write: () => true });
  const stdin = Object.assign(new EventEmitter(), {
    isTTY: true,
    setEncoding() {},
    setRawMode() {},
    resume() {},
    pause() {},
    ref() {},
    unref() {},
    read: () => null,
  });
  const commands = { session, clipboard: createClipboard(() => {}, null), cwd: '.', quit: () => {} };
  const instance = render(<App commands={commands} />, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  try {
    session.submit('bench');
    await session.settled();
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    instance.unmount();
    instance.cleanup();
    Output.prototype.get = ownGet;
    await server.close();
  }
  return frames;
}
