import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StreamMode, TurnUpdate } from '../../src/engine/types.js';
import { hostileText } from '../support/hostile.js';
import { fixturePath, listFixtures } from '../support/sse-fixture-server.js';
import {
  type ChunkServer,
  CLEAN,
  encodeFramed,
  type Framing,
  framing,
  INVALID_UTF8,
  type LogicalEvent,
  logicalEvents,
  serveChunks,
} from '../support/sse-framing.js';
import { emptyMessage } from '../support/stream-events.js';
import { type Collected, clientFor, collectTurn, comparable } from '../support/turns.js';

/*
 * However the bytes of a stream are framed and cut, a turn must see the same thing as one
 * clean read of it: the same final message, the same events on the wire, the same deltas in
 * the same order, and the same outcome. Runs are few, each being two real turns over HTTP.
 */

const MODES: StreamMode[] = ['helper', 'raw'];
const DERIVED = new Set<TurnUpdate['type']>([
  'block_start',
  'text',
  'thinking',
  'input_json',
  'citation',
  'block_stop',
]);

/** What a turn saw, without the times and byte counts that depend on how the bytes came. */
function observed({ outcome, wire, updates, counts }: Collected) {
  return {
    status: outcome.status,
    error: outcome.error ?? null,
    message: comparable(outcome.message),
    wire: wire.map(({ seq, attempt, event, data }) => ({ seq, attempt, event, data })),
    derived: updates.filter((u) => DERIVED.has(u.type)).map((u) => ({ ...u, t: 0 })),
    counts,
    stopReason: outcome.metrics.stopReason,
    usage: outcome.metrics.usage,
  };
}

let server: ChunkServer;
beforeAll(async () => {
  server = await serveChunks();
});
afterAll(() => server.close());

async function read(events: readonly LogicalEvent[], how: Framing, mode: StreamMode) {
  server.serve(encodeFramed(events, how));
  return observed(await collectTurn(clientFor(server.url, 0), mode));
}

/** One clean read per stream and mode: the baseline every framing is held to. */
const baselines = new Map<string, Promise<ReturnType<typeof observed>>>();
function clean(key: string, events: readonly LogicalEvent[], mode: StreamMode) {
  const id = `${key}/${mode}`;
  if (!baselines.has(id)) baselines.set(id, read(events, CLEAN, mode));
  return baselines.get(id) as Promise<ReturnType<typeof observed>>;
}

const RECORDINGS = listFixtures().map((name) => ({
  name,
  events: logicalEvents(readFileSync(fixturePath(name), 'utf8')),
}));

describe('recorded streams, framed any way, read as one clean read does', () => {
  it('re-frames each recording cleanly to its own bytes', () => {
    for (const { name, events } of RECORDINGS) {
      const bytes = Buffer.concat(encodeFramed(events, CLEAN)).toString('utf8');
      expect(bytes, name).toBe(readFileSync(fixturePath(name), 'utf8'));
    }
  });

  // One write per byte costs ~0.1 ms a byte (more in helper mode); the two shortest recordings, of
  // different shapes cover a cut at every byte of each kind of event, random cuts all of them.
  const EVERY_BYTE: Record<StreamMode, string[]> = {
    helper: ['error-mid-stream'],
    raw: ['malformed'],
  };
  it.each(MODES)('cut after every byte, with CRLF, in %s mode', async (mode) => {
    const every: Framing = { ...CLEAN, endings: ['\r\n'], cuts: 'bytes' };
    for (const { name, events } of RECORDINGS.filter((r) => EVERY_BYTE[mode].includes(r.name))) {
      expect(await read(events, every, mode), name).toEqual(await clean(name, events, mode));
    }
  });

  it('with random framings and cuts, in both modes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...RECORDINGS),
        framing,
        fc.constantFrom(...MODES),
        async (rec, how, mode) => {
          expect(await read(rec.events, how, mode)).toEqual(await clean(rec.name, rec.events, mode));
        },
      ),
      { numRuns: 24 },
    );
  });
});

const sse = (data: { type: string } & Record<string, unknown>, pretty = false): LogicalEvent => ({
  event: data.type,
  data: JSON.stringify(data, null, pretty ? 1 : undefined),
});

/** Text that may hold invalid UTF-8 once on the wire. */
const wireText = fc.oneof(
  hostileText,
  hostileText.map((text) => `${text}${INVALID_UTF8}${text}`),
);

/** A whole stream of a text block, a tool block and events no SDK knows, with hostile text throughout. */
const generatedStream: fc.Arbitrary<LogicalEvent[]> = fc
  .record({
    texts: fc.array(wireText, { minLength: 1, maxLength: 4 }),
    tool: hostileText,
    toolCuts: fc.array(fc.nat(), { maxLength: 4 }),
    pretty: fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
    unknown: hostileText,
  })
  .map(({ texts, tool, toolCuts, pretty, unknown }) => {
    const json = JSON.stringify({ city: tool });
    const points = [...new Set(toolCuts.map((n) => n % (json.length + 1)))].sort((a, b) => a - b);
    const partials = [...points, json.length].map((end, i) => json.slice(i === 0 ? 0 : points[i - 1], end));
    const delta = (index: number, d: Record<string, unknown>) => ({
      type: 'content_block_delta',
      index,
      delta: d,
    });
    const events = [
      { type: 'message_start', message: emptyMessage('msg_framing') },
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
      { type: 'ping' },
      ...texts.map((text) => delta(0, { type: 'text_delta', text })),
      { type: 'content_block_stop', index: 0 },
      { type: 'future_event', note: unknown },
      {
        type: 'content_block_start',
        index: 1,
        content_block: { type: 'tool_use', id: 'toolu_1', name: tool, input: {} },
      },
      ...partials.map((partial_json) => delta(1, { type: 'input_json_delta', partial_json })),
      { type: 'content_block_stop', index: 1 },
      {
        type: 'message_delta',
        delta: { stop_reason: 'tool_use', stop_sequence: unknown },
        usage: { output_tokens: 7 },
      },
      { type: 'message_stop' },
    ];
    // Some events' data is pretty-printed: JSON over several `data:` lines.
    return events.map((data, i) => sse(data, pretty[i % pretty.length]));
  });

describe('generated streams with hostile text, framed any way, read as one clean read does', () => {
  it('in both modes, and our accumulator builds the message the SDK builds', async () => {
    await fc.assert(
      fc.asyncProperty(generatedStream, framing, async (events, how) => {
        const [helper, raw] = [await read(events, CLEAN, 'helper'), await read(events, CLEAN, 'raw')];
        expect(raw.status).toBe('complete');
        expect(raw.message).toEqual(helper.message);
        expect(await read(events, how, 'helper')).toEqual(helper);
        expect(await read(events, how, 'raw')).toEqual(raw);
      }),
      { numRuns: 10 },
    );
  });
});
