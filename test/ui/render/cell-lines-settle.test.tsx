import { beforeAll, describe, expect, it } from 'vitest';
import { shownKeyHider } from '../../../src/engine/shown-key.js';
import type { TurnUpdate } from '../../../src/engine/types.js';
import { applyUpdate, type Cell } from '../../../src/store/cell.js';
import { CellLineCache } from '../../../src/ui/render/cell-lines.js';
import { OPTIONS } from '../../support/cell-body.js';
import { cellFrom, textDelta, textStart } from '../../support/cells.js';
import { withColour } from '../../support/colour.js';
import { loadRenderers, plain, turnUpdates } from '../harness.js';

// The frame that shows a reply's end draws its text as it streamed, and its Markdown follows
// a turn of the event loop later (CellLineCache's settleLater, driven by useSettledLayouts).
describe('a reply that ends, laid out', () => {
  const DELTAS = ['Some **bold', '** words, and `code`', ' too.\n\n- one\n- two'];
  let end: TurnUpdate;

  withColour();
  beforeAll(async () => {
    await loadRenderers();
    // A real turn's end, with its metrics; the text is this test's own.
    end = (await turnUpdates('chat')).at(-1) as TurnUpdate;
    expect(end.type).toBe('end');
  });

  /** The reply streamed and laid out delta by delta, as frames would, then its end. */
  function streamedThenEnded(cache: CellLineCache): { streamed: string[]; ended: Cell } {
    let cell = cellFrom([textStart()]);
    let streamed: string[] = [];
    for (const delta of DELTAS) {
      cell = applyUpdate(cell, textDelta(delta));
      streamed = cache.lines(cell, OPTIONS).map(plain);
    }
    return { streamed, ended: applyUpdate(cell, end) };
  }

  const whole = (cell: Cell) => new CellLineCache().lines(cell, OPTIONS).map(plain);
  const text = (lines: string[]) => lines.join('\n');

  it('shows the text as it streamed, without the cursor, and the finished status, at once', () => {
    const cache = new CellLineCache(null, { settleLater: true });
    const { streamed, ended } = streamedThenEnded(cache);
    const shown = cache.lines(ended, OPTIONS).map(plain);
    expect(cache.unsettled).toBe(true);
    // The rows as they were, but for the cursor's space at the end of the last (before the blank).
    const last = streamed.length - 2;
    expect(shown.slice(0, last)).toEqual(streamed.slice(0, last));
    expect(`${shown[last]} `).toBe(streamed[last]);
    expect(text(shown)).toContain('Some **bold** words, and `code` too.');
    expect(text(shown)).toMatch(/end_turn · TTFT/);
    // Asked again before it settles: the same lines, not laid out again.
    expect(cache.lines(ended, OPTIONS)).toBe(cache.lines(ended, OPTIONS));
  });

  it('is laid out whole, with its Markdown, once settled', () => {
    const cache = new CellLineCache(null, { settleLater: true });
    const { ended } = streamedThenEnded(cache);
    cache.lines(ended, OPTIONS);
    cache.settle();
    expect(cache.unsettled).toBe(false);
    const settled = cache.lines(ended, OPTIONS).map(plain);
    expect(settled).toEqual(whole(ended));
    expect(text(settled)).toContain('Some bold words, and code too.');
    expect(text(settled)).not.toContain('**');
    // And stays so: it is not shown as it streamed again.
    expect(cache.lines(ended, OPTIONS).map(plain)).toEqual(settled);
  });

  it('is laid out whole at once without settleLater, or when it was never drawn streaming', () => {
    const eager = new CellLineCache();
    const { ended } = streamedThenEnded(eager);
    expect(eager.lines(ended, OPTIONS).map(plain)).toEqual(whole(ended));
    expect(eager.unsettled).toBe(false);
    // A cell read back from a session file: it never streamed here.
    const later = new CellLineCache(null, { settleLater: true });
    expect(later.lines(ended, OPTIONS).map(plain)).toEqual(whole(ended));
    expect(later.unsettled).toBe(false);
  });

  it('hides the key in the finished status, which no redactor saw, in the frame that shows the end', () => {
    const key = 'sk-ant-api03-status-words-key-0123456789abcdef';
    const cache = new CellLineCache(shownKeyHider(key), { settleLater: true });
    const { ended } = streamedThenEnded(cache);
    const failed = {
      ...ended,
      status: 'failed' as const,
      error: { kind: 'internal' as const, message: `broke on ${key}` },
    };
    const shown = cache.lines(failed, OPTIONS).map(plain);
    expect(cache.unsettled).toBe(true);
    expect(text(shown)).toContain('broke on ');
    expect(text(shown)).not.toContain(key.slice(-16));
  });

  it('is laid out whole at once when the pane changed width as it ended', () => {
    const cache = new CellLineCache(null, { settleLater: true });
    const { ended } = streamedThenEnded(cache);
    const narrow = { ...OPTIONS, width: 60 };
    expect(cache.lines(ended, narrow).map(plain)).toEqual(
      new CellLineCache().lines(ended, narrow).map(plain),
    );
    expect(cache.unsettled).toBe(false);
  });
});
