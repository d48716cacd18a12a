import { describe, expect, it } from 'vitest';
import { StepGate } from '../../src/offline/step-gate.js';

const event = (name: string | null) => ({ event: name, data: '{}' });

/** Whether `promise` has settled once pending callbacks have run. */
async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('step mode', () => {
  it('holds each event of the stream it took until a press, and is used up by one stream', async () => {
    const gate = new StepGate();
    expect(gate.take()).toBeNull();
    expect(gate.press()).toEqual({ kind: 'armed' });
    const stream = gate.take();
    if (!stream) throw new Error('not armed');
    expect(gate.take()).toBeNull();
    const signal = new AbortController().signal;
    const first = stream.next(event('message_start'), signal);
    expect(await settled(first)).toBe(false);
    expect(gate.waiting).toBe(1);
    expect(gate.press()).toEqual({ kind: 'sent', index: 1, event: 'message_start' });
    expect(await settled(first)).toBe(true);
    // A press with nothing waiting is owed to the next event.
    expect(gate.press()).toEqual({ kind: 'queued' });
    expect(await settled(stream.next(event(null), signal))).toBe(true);
    const third = stream.next(event('ping'), signal);
    expect(gate.press()).toEqual({ kind: 'sent', index: 3, event: 'ping' });
    await third;
    stream.end();
    expect(gate.waiting).toBeNull();
    expect(gate.press()).toEqual({ kind: 'armed' });
  });

  it('off lets the waiting event and the rest go at once; a client gone lets it go too', async () => {
    const gate = new StepGate();
    gate.press();
    const stream = gate.take();
    if (!stream) throw new Error('not armed');
    const abort = new AbortController();
    const waiting = stream.next(event('a'), abort.signal);
    gate.off();
    expect(await settled(waiting)).toBe(true);
    expect(await settled(stream.next(event('b'), abort.signal))).toBe(true);
    expect(gate.armed).toBe(false);

    gate.press();
    const next = gate.take();
    const held = next?.next(event('c'), abort.signal) ?? Promise.reject(new Error('not armed'));
    abort.abort();
    expect(await settled(held)).toBe(true);
  });
});
