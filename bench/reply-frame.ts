import { applyUpdate } from '../src/store/cell.js';
import { CellLineCache } from '../src/ui/render/cell-lines.js';
import { cellFrom, textDelta, textStart } from '../test/support/cells.js';

const FRAMES = 30;

/**
 * The cost of laying out one frame of a reply to a 1 MiB prompt, in process, median of a
 * streamed reply's frames (`reply_frame_ms`). Laying the prompt out again for each delta made
 * this 30–800 ms.
 */
export function replyFrame(prompt: string): Record<string, number> {
  let cell = cellFrom([textStart()], prompt, 2);
  const layout = new CellLineCache();
  const times: number[] = [];
  for (let i = 0; i < FRAMES; i++) {
    cell = applyUpdate(cell, textDelta('hello '));
    const start = performance.now();
    layout.lines(cell, { width: 100, rawText: false, thinkingHidden: false, selected: false });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { reply_frame_ms: Math.round((times[Math.floor(FRAMES / 2)] ?? 0) * 10) / 10 };
}
