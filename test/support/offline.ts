import Anthropic from '@anthropic-ai/sdk';
import type { MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages';
import type { Pace } from '../../src/offline/pace.js';
import { type OfflineServer, startOfflineServer } from '../../src/offline/server.js';

/** Runs `use` against a fresh offline server on its own port, so tests can run in parallel. */
export async function withOfflineServer<T>(
  options: { scenario?: string; pace?: Pace },
  use: (server: OfflineServer) => Promise<T>,
): Promise<T> {
  const server = await startOfflineServer({ pace: 'none', ...options });
  try {
    return await use(server);
  } finally {
    await server.close();
  }
}

/** The real SDK pointed at the server; `quiet` silences its logging of errors a test provokes on purpose. */
export function sdkFor(server: { url: string }, maxRetries = 2, quiet = false): Anthropic {
  return new Anthropic({
    apiKey: 'test',
    baseURL: server.url,
    maxRetries,
    ...(quiet ? { logLevel: 'off' } : {}),
  });
}

export function params(
  prompt = 'Write a 1 sentence description of a sci fi world',
  extra: Partial<MessageCreateParamsNonStreaming> = {},
): MessageCreateParamsNonStreaming {
  return {
    model: 'claude-sonnet-4-6',
    max_tokens: 1024,
    messages: [{ role: 'user', content: prompt }],
    ...extra,
  };
}

/**
 * POSTs a body with node's own fetch, for checks on the bytes and headers the SDK hides.
 * The retry-count header is the SDK's, so scenarios that fail a first attempt can be asked for the retry.
 */
export function post(
  server: OfflineServer,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${server.url}/v1/messages`, {
    method: 'POST',
    headers: { 'x-api-key': 'test', 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export interface RawEvent {
  event: string;
  data: string;
}

/** Splits an SSE body that is known to use the API's framing (`event:` then one `data:` line). */
export function rawEvents(body: string): RawEvent[] {
  return body
    .split('\n\n')
    .filter((block) => block !== '')
    .map((block) => {
      const [eventLine = '', dataLine = ''] = block.split('\n');
      return { event: eventLine.replace(/^event: /, ''), data: dataLine.replace(/^data: /, '') };
    });
}

/** A message as JSON carries it, without what differs between two answers to the same request. */
export function comparableMessage(message: object): unknown {
  const plain = JSON.parse(JSON.stringify(message)) as Record<string, unknown>;
  delete plain.id;
  delete plain.parsed_output;
  return plain;
}
