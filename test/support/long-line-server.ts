import { once } from 'node:events';
import { createServer } from 'node:http';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { FixtureServer } from './sse-fixture-server.js';
import { listenOnLoopback, sseEvent } from './sse-fixture-server.js';
import { messageEnd, messageStart } from './stream-events.js';

export interface LongLineOptions {
  /** The length of the line, in characters (all `x`, no space, no newline). */
  chars: number;
  /** Characters per text delta. */
  perDelta: number;
  /** Whether the stream ends after the line; if not, it stays open until the client goes. */
  end: boolean;
  /** How long the stream stays open after the line before it ends, in ms. */
  holdMs?: number;
  /** A pause before each delta, in ms, for a stream at a model's pace; without it, as fast as the socket takes. */
  intervalMs?: number;
  /** Called as the last delta is written, with its event's index in the stream. */
  onLastDelta?: (eventIndex: number) => void;
}

/**
 * Answers every POST /v1/messages with one text block holding one long line with no space,
 * in many deltas with a turn of the event loop between them, as a model writing a minified
 * file or a base64 blob would: the input that made the notebook wrap the line from its start
 * on every frame.
 */
export async function serveLongLine(options: LongLineOptions): Promise<FixtureServer> {
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'text/event-stream', 'request-id': 'req_long_line' });
    void stream(res, options);
  });
  return listenOnLoopback(server);
}

async function stream(res: import('node:http').ServerResponse, options: LongLineOptions): Promise<void> {
  const start = messageStart('msg_long_line');
  res.write(sseEvent(start.event, start.data));
  const block = { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } };
  res.write(sseEvent('content_block_start', block));
  const deltas = Math.ceil(options.chars / options.perDelta);
  for (let i = 0; i < deltas; i++) {
    if (options.intervalMs) await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
    if (res.destroyed) return;
    const text = 'x'.repeat(Math.min(options.perDelta, options.chars - i * options.perDelta));
    const event = { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } };
    // The last delta counts as sent once it is handed to the kernel, not when it is queued.
    // Events before it: message_start, content_block_start, then the deltas.
    const sent = i === deltas - 1 ? () => options.onLastDelta?.(i + 2) : undefined;
    // Paced by the reader, as a real server is: no more than the socket takes.
    if (!res.write(sseEvent('content_block_delta', event), sent)) await once(res, 'drain');
    else await yieldToLoop();
  }
  if (!options.end) return;
  await new Promise((resolve) => setTimeout(resolve, options.holdMs ?? 0));
  res.write(sseEvent('content_block_stop', { type: 'content_block_stop', index: 0 }));
  for (const event of messageEnd('end_turn', deltas)) res.write(sseEvent(event.event, event.data));
  res.end();
}
