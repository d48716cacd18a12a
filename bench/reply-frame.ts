import type { TurnSettings, TurnUpdate } from '../src/engine/types.js';
import { applyUpdate, newCell } from '../src/store/cell.js';
import { CellLineCache } from '../src/ui/render/cell-lines.js';

const FRAMES = 30;

/**
 * The cost of laying out one frame of a reply to a 1 MiB prompt, in process, median of a
 * streamed reply's frames (`reply_frame_ms`). Laying the prompt out again for each delta made
 * this 30–800 ms.
 */
export function replyFrame(prompt: string): Record<string, number> {
  let cell = newCell(2, prompt, { model: 'm', maxTokens: 1000 } as TurnSettings, null);
  cell = applyUpdate(cell, {
    type: 'block_start',
    index: 0,
    block: { type: 'text', text: '' },
  } as TurnUpdate);
  const layout = new CellLineCache();
  const times: number[] = [];
  for (let i = 0; i < FRAMES; i++) {
    cell = applyUpdate(cell, { type: 'text', index: 0, text: 'hello ' } as TurnUpdate);
    const start = performance.now();
    layout.lines(cell, { width: 100, rawText: false, thinkingHidden: false, selected: false });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { reply_frame_ms: Math.round((times[Math.floor(FRAMES / 2)] ?? 0) * 10) / 10 };
}
