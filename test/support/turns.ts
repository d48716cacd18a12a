import type Anthropic from '@anthropic-ai/sdk';
import { createClient } from '../../src/engine/client.js';
import { withPrompt } from '../../src/engine/history.js';
import { streamTurn, type TurnRequest } from '../../src/engine/turn.js';
import type {
  Message,
  StreamMode,
  TurnOutcome,
  TurnSettings,
  TurnUpdate,
  WireEvent,
} from '../../src/engine/types.js';
import { type EventCounts, eventCounts } from '../../src/store/event-counts.js';

export const SETTINGS: TurnSettings = { model: 'claude-sonnet-4-6', maxTokens: 1000, mode: 'helper' };

export function clientFor(url: string, maxRetries = 2): Anthropic {
  return createClient({ apiKey: 'sk-test-key-not-real', baseURL: url, maxRetries });
}

export interface Collected {
  updates: TurnUpdate[];
  outcome: TurnOutcome;
  wire: WireEvent[];
  /** The wire events by type, counted as the store counts a cell's. */
  counts: EventCounts;
  text: string;
}

export interface CollectOptions {
  prompt?: string;
  settings?: Partial<TurnSettings>;
  signal?: AbortSignal;
  onUpdate?: (u: TurnUpdate) => void;
  /** No byte for this long ends the turn; 0 or unset means no limit. */
  idleTimeoutMs?: number;
}

/** Runs one turn to its end and keeps everything it yielded. */
export async function collectTurn(
  client: Anthropic,
  mode: StreamMode,
  options: CollectOptions = {},
): Promise<Collected> {
  const updates: TurnUpdate[] = [];
  const request = {
    client,
    messages: withPrompt([], options.prompt ?? 'Write a 1 sentence description of a sci fi world'),
    settings: { ...SETTINGS, ...options.settings, mode },
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.idleTimeoutMs ? { idleTimeoutMs: options.idleTimeoutMs } : {}),
  } satisfies TurnRequest;
  const outcome = await streamTurn(request, (update) => {
    updates.push(update);
    options.onUpdate?.(update);
  });
  if (updates.at(-1)?.type !== 'end') throw new Error('turn did not end with an end update');
  const wire = updates.flatMap((u) => (u.type === 'wire' ? [u.event] : []));
  return {
    updates,
    outcome,
    wire,
    counts: eventCounts({ events: wire, eventCount: wire.length }),
    text: updates.map((u) => (u.type === 'text' ? u.text : '')).join(''),
  };
}

/** A test server on loopback: what `turnOn` talks to, then closes. */
interface Served {
  url: string;
  close(): Promise<void>;
}

type TurnOptions = CollectOptions & { maxRetries?: number };

/** One turn against `server` through a client of its own, then the server is closed, pass or fail. */
export async function turnOn(
  server: Served,
  mode: StreamMode,
  options: TurnOptions = {},
): Promise<Collected> {
  const { maxRetries, ...collect } = options;
  try {
    return await collectTurn(clientFor(server.url, maxRetries), mode, collect);
  } finally {
    await server.close();
  }
}

/**
 * A turn against `server`, then a second one on the same client, which must still work after
 * whatever the first met; then the server is closed.
 */
export async function turnThenNext(
  server: Served,
  mode: StreamMode,
  options: TurnOptions = {},
): Promise<Collected & { next: Collected }> {
  const { maxRetries, ...collect } = options;
  try {
    const client = clientFor(server.url, maxRetries);
    const first = await collectTurn(client, mode, collect);
    return { ...first, next: await collectTurn(client, mode) };
  } finally {
    await server.close();
  }
}

/** A message as JSON would carry it, without the helper's structured-output field. */
export function comparable(message: Message | null): unknown {
  if (!message) return message;
  const plain = JSON.parse(JSON.stringify(message)) as Record<string, unknown>;
  delete plain.parsed_output;
  return plain;
}
