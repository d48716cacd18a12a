import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { type FixtureServer, listenOnLoopback, sseEvent } from './sse-fixture-server.js';
import { emptyMessage } from './stream-events.js';

/**
 * A planted key: the shape and length of a real one, so redaction is tested at its real
 * length, but made here from a fixed alphabet so that no real-looking key sits in the source.
 */
const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
export const PLANTED_KEY = `sk-ant-api03-planted-fake-${fakeKeyBody(82)}`;

/** Characters from a fixed pseudo-random sequence (xorshift): varied, never periodic over a key's length. */
function fakeKeyBody(length: number): string {
  let seed = 7;
  return Array.from({ length }, () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    seed >>>= 0;
    return KEY_ALPHABET[seed % KEY_ALPHABET.length];
  }).join('');
}

/** Every 20-character piece of the key: none of them may appear in anything the app writes. */
export function keyPieces(key: string, length = 20): string[] {
  const pieces: string[] = [];
  for (let i = 0; i + length <= key.length; i++) pieces.push(key.slice(i, i + length));
  return pieces;
}

/** The pieces of the key found in `text`, for a failure message that says where it leaked. */
export function leaks(text: string, key: string): string[] {
  return keyPieces(key).filter((piece) => text.includes(piece));
}

/**
 * How the hostile server answers: a whole stream (`stream`), an HTTP 400 (`http`), or an
 * `error` event after some text (`event`); each error message has a line break in it.
 */
export type EchoFailure = 'stream' | 'http' | 'event';

/** The key as the request carried it: the x-api-key header, or a bearer token. */
function requestKey(req: IncomingMessage): string {
  const header = req.headers['x-api-key'];
  if (typeof header === 'string') return header;
  return (req.headers.authorization ?? '').replace(/^Bearer /, '');
}

/**
 * The events of a reply that echoes the key into every field the protocol has: ids, the
 * model, text split across deltas at two places (one piece shorter than 20 characters) and
 * four characters per delta,
 * thinking, its signature, a tool's id and input, an event name the client does not know,
 * and stop_sequence. The text spells it once more with \u escapes, which JSON readers decode.
 */
export function echoEvents(key: string, failure: EchoFailure): Array<{ event: string; data: unknown }> {
  const delta = (index: number, d: object) => ({
    event: 'content_block_delta',
    data: { type: 'content_block_delta', index, delta: d },
  });
  const escaped = [...key].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
  const events: Array<{ event: string; data: unknown }> = [
    {
      event: 'message_start',
      data: { type: 'message_start', message: { ...emptyMessage(`msg_${key}`), model: key } },
    },
    {
      event: 'content_block_start',
      data: { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
    },
    delta(0, { type: 'text_delta', text: `Your key is ${key.slice(0, 10)}` }),
    delta(0, { type: 'text_delta', text: key.slice(10, 60) }),
    delta(0, { type: 'text_delta', text: `${key.slice(60)}, and again: ${key}.` }),
    // As a model would repeat it: a few characters per delta.
    ...(key.match(/.{1,4}/g) ?? []).map((text) => delta(0, { type: 'text_delta', text })),
    {
      event: 'content_block_delta',
      data: `{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" Escaped: ${escaped}"}}`,
    },
  ];
  if (failure === 'event') {
    return [
      ...events,
      {
        event: 'error',
        data: {
          type: 'error',
          error: { type: 'overloaded_error', message: `echo ${key}\nstreambook: forged line` },
        },
      },
    ];
  }
  return [
    ...events,
    { event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 } },
    {
      event: 'content_block_start',
      data: {
        type: 'content_block_start',
        index: 1,
        content_block: { type: 'thinking', thinking: '', signature: '' },
      },
    },
    delta(1, { type: 'thinking_delta', thinking: `thinking about ${key}` }),
    delta(1, { type: 'signature_delta', signature: key }),
    { event: 'content_block_stop', data: { type: 'content_block_stop', index: 1 } },
    {
      event: 'content_block_start',
      data: {
        type: 'content_block_start',
        index: 2,
        content_block: { type: 'tool_use', id: `toolu_${key}`, name: 'echo', input: {} },
      },
    },
    delta(2, { type: 'input_json_delta', partial_json: `{"key": "${key.slice(0, 30)}` }),
    delta(2, { type: 'input_json_delta', partial_json: `${key.slice(30)}"}` }),
    { event: 'content_block_stop', data: { type: 'content_block_stop', index: 2 } },
    { event: `key_${key}`, data: { type: `key_${key}`, key } },
    {
      event: 'message_delta',
      data: {
        type: 'message_delta',
        delta: { stop_reason: 'stop_sequence', stop_sequence: key },
        usage: { output_tokens: 42 },
      },
    },
    { event: 'message_stop', data: { type: 'message_stop' } },
  ];
}

/** A hostile API that echoes the request's key into every field of its answer. */
export async function serveKeyEcho(failure: EchoFailure = 'stream'): Promise<FixtureServer> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => void answer(req, res, failure));
  });
  return listenOnLoopback(server);
}

async function answer(req: IncomingMessage, res: ServerResponse, failure: EchoFailure): Promise<void> {
  const key = requestKey(req);
  if (failure === 'http') {
    res.writeHead(400, { 'content-type': 'application/json', 'request-id': `req_${key}` });
    const message = `invalid key ${key}\nstreambook: forged line`;
    res.end(JSON.stringify({ type: 'error', error: { type: 'invalid_request_error', message } }));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'request-id': `req_${key}` });
  for (const { event, data } of echoEvents(key, failure)) {
    if (res.destroyed) return;
    res.write(sseEvent(event, data));
    await yieldToLoop();
  }
  res.end();
}
