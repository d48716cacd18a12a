import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initialState } from '../../src/store/session-state.js';
import { SessionStore } from '../../src/store/session-store.js';
import { FRAME_MS, Frames } from '../../src/ui/frames.js';
import { SETTINGS } from '../support/turns.js';

/** A store, its frames, and when (on the fake clock) the view was told. */
function paced() {
  const store = new SessionStore(initialState(SETTINGS, { offline: true, describe: 'offline' }, null));
  const frames = new Frames(store);
  const heardAt: number[] = [];
  const stop = frames.subscribe(() => heardAt.push(performance.now()));
  const delta = (i: number) => store.update((s) => ({ ...s, promptHistory: [String(i)] }), 'batched');
  return { store, frames, heardAt, delta, stop };
}

describe('the frames', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('show a change from the user at once', () => {
    const { store, heardAt, stop } = paced();
    store.update((s) => ({ ...s, quitArmed: 'c' }));
    expect(heardAt).toHaveLength(1);
    stop();
  });

  it('show a burst of stream changes as one frame, on the next turn after a quiet spell', async () => {
    const { frames, heardAt, delta, stop } = paced();
    await vi.advanceTimersByTimeAsync(1000);
    const start = performance.now();
    for (let i = 0; i < 100; i++) delta(i);
    expect(heardAt).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(heardAt).toEqual([start]);
    expect(frames.getSnapshot().promptHistory).toEqual(['99']);
    stop();
  });

  it('show a steady stream every FRAME_MS, its first delta at once', async () => {
    const { frames, heardAt, delta, stop } = paced();
    await vi.advanceTimersByTimeAsync(1000);
    const start = performance.now();
    // A delta every 2 ms for 400 ms.
    for (let i = 0; i < 200; i++) {
      delta(i);
      await vi.advanceTimersByTimeAsync(2);
    }
    expect(heardAt[0]).toBe(start);
    const gaps = heardAt.slice(1).map((at, i) => at - (heardAt[i] as number));
    expect(gaps).toEqual(Array.from({ length: 25 }, () => FRAME_MS));
    expect(frames.frameMs).toBe(FRAME_MS);
    stop();
  });

  it("wait for the frame's end with a delta that comes within it", async () => {
    const { heardAt, delta, stop } = paced();
    delta(0);
    await vi.advanceTimersByTimeAsync(5);
    delta(1);
    await vi.advanceTimersByTimeAsync(FRAME_MS - 6);
    expect(heardAt).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(heardAt).toHaveLength(2);
    expect((heardAt[1] as number) - (heardAt[0] as number)).toBe(FRAME_MS);
    stop();
  });

  it('let go of the store when the view unsubscribes', async () => {
    const { store, heardAt, delta, stop } = paced();
    delta(0);
    stop();
    store.update((s) => s);
    await vi.advanceTimersByTimeAsync(40);
    expect(heardAt).toHaveLength(0);
  });
});
