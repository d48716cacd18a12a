import { randomBytes } from 'node:crypto';
import type Anthropic from '@anthropic-ai/sdk';
import type { Connection } from '../config/config.js';
import type { Pace } from '../offline/pace.js';
import { type OfflineServer, startOfflineServer } from '../offline/server.js';
import { createClient } from './client.js';

/** A client ready for turns, and the offline server behind it when answers are simulated. */
export interface OpenConnection {
  client: Anthropic;
  offline: OfflineServer | null;
  /** One line for the user on where answers come from. */
  describe: string;
  close(): Promise<void>;
}

/** The offline server's pacing: STREAMBOOK_OFFLINE_PACE=none turns delays off (tests, benchmarks). */
export function offlinePace(env: Readonly<Record<string, string | undefined>>): Pace {
  return env.STREAMBOOK_OFFLINE_PACE === 'none' ? 'none' : 'realistic';
}

export async function openConnection(
  connection: Connection,
  options: { maxRetries?: number | undefined; idleTimeoutMs?: number | undefined; pace: Pace },
): Promise<OpenConnection> {
  if (connection.kind === 'live') {
    const client = createClient({
      apiKey: connection.apiKey,
      baseURL: connection.baseURL,
      maxRetries: options.maxRetries,
      idleTimeoutMs: options.idleTimeoutMs,
    });
    return { client, offline: null, describe: `live: ${client.baseURL}`, close: async () => {} };
  }
  const offline = await startOfflineServer({
    pace: options.pace,
    ...(connection.scenario ? { scenario: connection.scenario } : {}),
  });
  // The real key, if any, never goes to the offline server. With no key there is nothing to
  // redact; the token is random so that no word of a reply could ever match it.
  const client = createClient({
    apiKey: null,
    authToken: `offline-${randomBytes(16).toString('hex')}`,
    baseURL: offline.url,
    maxRetries: options.maxRetries,
    idleTimeoutMs: options.idleTimeoutMs,
  });
  const why = connection.reason === 'flag' ? '--offline' : 'no ANTHROPIC_API_KEY set';
  return {
    client,
    offline,
    describe: `offline (${why}): answers are simulated by the built-in API`,
    close: () => offline.close(),
  };
}

/** Where a connection's answers come from, as the session keeps it: never with the key. */
export function connectionSource(connection: OpenConnection): {
  offline: boolean;
  describe: string;
  baseURL?: string;
} {
  return {
    offline: connection.offline !== null,
    describe: connection.describe,
    ...(connection.offline ? {} : { baseURL: connection.client.baseURL }),
  };
}
