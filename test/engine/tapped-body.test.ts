import { describe, expect, it } from 'vitest';
import { SseReader } from '../../src/engine/sse-reader.js';
import { BodyLeftError, SLICE_BYTES, tappedBody, YIELD_AFTER_MS } from '../../src/engine/tapped-body.js';

/*
 * The body the SDK reads is the one the tap reads: however the SDK leaves it, the tap must
 * end (or the turn waits out its 2 s backstop), and the network's body must be let go.
 */

const encode = (text: string) => new TextEncoder().encode(text);

/** A network body that sends `chunks` and then stays open, recording how it was let go. */
function openBody(chunks: string[]) {
  const state = { cancelled: false as boolean, reason: undefined as unknown };
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encode(chunk));
    },
    cancel(reason) {
      state.cancelled = true;
      state.reason = reason;
    },
  });
  return { stream, state };
}

/** A network body that sends `chunks` and ends. */
function wholeBody(chunks: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encode(chunk));
      controller.close();
    },
  });
}

function tap(source: ReadableStream<Uint8Array>, signal?: AbortSignal) {
  const seen: string[] = [];
  const ends: unknown[] = [];
  const events = new SseReader((sse) => seen.push(sse.data));
  const body = tappedBody(source, events, (failure) => ends.push(failure), signal);
  return { body, seen, ends };
}

describe('the tapped body', () => {
  it('hands the SDK every byte, reports each event, and ends once with the body', async () => {
    const { body, seen, ends } = tap(wholeBody(['data: 1\n\nda', 'ta: 2\n\n']));
    expect(await new Response(body).text()).toBe('data: 1\n\ndata: 2\n\n');
    expect(seen).toEqual(['1', '2']);
    expect(ends).toEqual([undefined]);
  });

  it('hands a large read on a slice at a time, and lets the event loop turn once it has held it a while', async () => {
    // 256 KiB of small events in one read, as a fast server's socket gives it.
    const events = Array.from({ length: 8192 }, (_, i) => `data: ${String(i).padStart(24, '0')}\n\n`).join(
      '',
    );
    const { body, seen, ends } = tap(wholeBody([events]));
    const reader = body.getReader();
    const slices: number[] = [];
    // Where a key or a signal is read: it must come before the read is all handed on.
    let turned = -1;
    setImmediate(() => {
      turned = slices.length;
    });
    // Each slice takes the reader a while, as the SDK, the store and the file take it.
    const PER_SLICE_MS = 5;
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      slices.push(read.value.byteLength);
      const until = performance.now() + PER_SLICE_MS;
      while (performance.now() < until) {}
    }
    expect(Math.max(...slices)).toBe(SLICE_BYTES);
    expect(slices.reduce((a, b) => a + b, 0)).toBe(encode(events).byteLength);
    expect(turned).toBeGreaterThan(0);
    expect(turned).toBeLessThanOrEqual(Math.ceil(YIELD_AFTER_MS / PER_SLICE_MS) + 1);
    expect(seen).toHaveLength(8192);
    expect(ends).toEqual([undefined]);
  });

  it('ends, with a failure, when the SDK cancels it, and lets the network body go', async () => {
    const { stream, state } = openBody(['data: 1\n\n']);
    const { body, seen, ends } = tap(stream);
    const reader = body.getReader();
    await reader.read();
    await reader.cancel();
    expect(seen).toEqual(['1']);
    expect(ends).toHaveLength(1);
    expect(ends[0]).toBeInstanceOf(BodyLeftError);
    expect(state.cancelled).toBe(true);
  });

  it('ends when the turn is over though nobody reads it, and fails a read to come', async () => {
    const { stream, state } = openBody(['data: 1\n\n']);
    const turnOver = new AbortController();
    const { body, ends } = tap(stream, turnOver.signal);
    const reason = new Error('turn over');
    turnOver.abort(reason);
    expect(ends).toEqual([reason]);
    expect(state.cancelled).toBe(true);
    await expect(body.getReader().read()).rejects.toBe(reason);
  });

  it('fails a read the SDK is waiting on when the turn is over', async () => {
    const { stream } = openBody([]);
    const turnOver = new AbortController();
    const { body, ends } = tap(stream, turnOver.signal);
    const read = body.getReader().read();
    const reason = new Error('interrupted');
    turnOver.abort(reason);
    await expect(read).rejects.toBe(reason);
    expect(ends).toEqual([reason]);
  });

  it('ends with the network body’s error, which the SDK gets too', async () => {
    const failure = new Error('socket hang up');
    const source = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(failure);
      },
    });
    const { body, ends } = tap(source);
    await expect(new Response(body).text()).rejects.toBe(failure);
    expect(ends).toEqual([failure]);
  });

  it('still hands the SDK every byte when the tap’s own observer fails', async () => {
    const source = wholeBody(['data: 1\n\n', 'data: 2\n\n']);
    const broken = new Error('observer broke');
    const ends: unknown[] = [];
    const events = new SseReader(() => {
      throw broken;
    });
    const body = tappedBody(source, events, (failure) => ends.push(failure));
    expect(await new Response(body).text()).toBe('data: 1\n\ndata: 2\n\n');
    expect(ends).toEqual([broken]);
  });
});
