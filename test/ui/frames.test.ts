import { describe, expect, it } from 'vitest';
import { initialState } from '../../src/store/session-state.js';
import { SessionStore } from '../../src/store/session-store.js';
import { Frames } from '../../src/ui/frames.js';
import { SETTINGS } from '../support/turns.js';

function paced() {
  const store = new SessionStore(initialState(SETTINGS, { offline: true, describe: 'offline' }, null));
  const frames = new Frames(store);
  let heard = 0;
  const stop = frames.subscribe(() => heard++);
  return { store, frames, heard: () => heard, stop };
}

const nextFrame = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the frames', () => {
  it('show a change from the user at once', () => {
    const { store, heard, stop } = paced();
    store.update((s) => ({ ...s, quitArmed: 'c' }));
    expect(heard()).toBe(1);
    stop();
  });

  it('show a burst of stream changes as one frame', async () => {
    const { store, frames, heard, stop } = paced();
    for (let i = 0; i < 100; i++) store.update((s) => ({ ...s, promptHistory: [String(i)] }), 'batched');
    expect(heard()).toBe(0);
    while (heard() === 0) await nextFrame();
    expect(heard()).toBe(1);
    expect(frames.getSnapshot().promptHistory).toEqual(['99']);
    stop();
  });

  it('let go of the store when the view unsubscribes', async () => {
    const { store, heard, stop } = paced();
    store.update((s) => s, 'batched');
    stop();
    store.update((s) => s);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(heard()).toBe(0);
  });
});
