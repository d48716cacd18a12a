import { randomBytes } from 'node:crypto';
import type Anthropic from '@anthropic-ai/sdk';
import type { Connection } from '../config/config.js';
import type { Pace } from '../offline/pace.js';
import { parseReplaySpec, REPLAY_PREFIX, type Recording, type Recordings } from '../offline/recording.js';
import { createOfflineServer, type OfflineServer } from '../offline/server.js';
import type { ClientOptions } from './client.js';
import { PendingClient } from './pending-client.js';

/** A client ready for turns, and the offline server behind it when answers are simulated. */
export interface OpenConnection {
  client: Anthropic;
  offline: OfflineServer | null;
  /** One line for the user on where answers come from. */
  describe: string;
  /** Where a live connection's turns go, as the client has it. */
  baseURL?: string;
  close(): Promise<void>;
}

/** The offline server's pacing: STREAMBOOK_OFFLINE_PACE=none turns delays off (tests, benchmarks). */
export function offlinePace(env: Readonly<Record<string, string | undefined>>): Pace {
  return env.STREAMBOOK_OFFLINE_PACE === 'none' ? 'none' : 'realistic';
}

/**
 * A connection as the notebook starts it: what the first frame shows is known at once; the
 * client comes once the SDK is loaded and, offline, the built-in server listens.
 */
export interface StartingConnection extends Omit<OpenConnection, 'client'> {
  client: PendingClient;
}

interface ConnectionOptions {
  maxRetries?: number | undefined;
  idleTimeoutMs?: number | undefined;
  pace: Pace;
  /** Where replays come from (--replay, /scenario replay); without it, no replay is possible. */
  recordings?: Recordings;
}

/** The SDK's own default, for saying where a live connection goes before its client is made. */
const DEFAULT_BASE_URL = 'https://api.anthropic.com';

export async function openConnection(
  connection: Connection,
  options: ConnectionOptions,
): Promise<OpenConnection> {
  const starting = startConnection(connection, options);
  return { ...starting, client: await starting.client.ready };
}

export function startConnection(connection: Connection, options: ConnectionOptions): StartingConnection {
  // The SDK's client is about 1 MB of code: loaded after the notebook's first frame.
  const client = (made: Omit<ClientOptions, 'maxRetries' | 'idleTimeoutMs'>) =>
    import('./client.js').then(({ createClient }) =>
      createClient({ ...made, maxRetries: options.maxRetries, idleTimeoutMs: options.idleTimeoutMs }),
    );
  if (connection.kind === 'live') {
    const { apiKey, baseURL } = connection;
    const shown = baseURL || DEFAULT_BASE_URL;
    return {
      client: new PendingClient(apiKey, client({ apiKey, baseURL })),
      offline: null,
      describe: `live: ${shown}`,
      baseURL: shown,
      close: async () => {},
    };
  }
  const offline = createOfflineServer({
    pace: options.pace,
    ...(connection.scenario ? { scenario: connection.scenario } : {}),
    ...(options.recordings ? { recordings: options.recordings } : {}),
  });
  // The real key, if any, never goes to the offline server. With no key there is nothing to
  // redact; the token is random so that no word of a reply could ever match it.
  const authToken = `offline-${randomBytes(16).toString('hex')}`;
  const ready = offline.listening.then(() => client({ apiKey: null, authToken, baseURL: offline.url }));
  const why = connection.reason === 'flag' ? '--offline' : 'no ANTHROPIC_API_KEY set';
  const replay = offline.recording ? parseReplaySpec(offline.scenario.slice(REPLAY_PREFIX.length)) : null;
  const replayed = replay && (replay.cell === null ? `its cells in turn` : `cell ${replay.cell}`);
  return {
    client: new PendingClient(null, ready),
    offline,
    describe: replay
      ? `replay of session ${replay.id} ${replayed} at speed ${options.recordings?.speed ?? 1}: the built-in API answers with the recording (a key, if set, is not used)`
      : `offline (${why}): answers are simulated by the built-in API`,
    close: () => offline.close(),
  };
}

/**
 * The recording --replay asks for, loaded before anything else starts, so a bad id or cell
 * fails as one line (RecordingError); null when the run is not a replay.
 */
export function preloadReplay(connection: Connection, recordings: Recordings): Recording | null {
  if (connection.kind !== 'offline' || !connection.scenario?.startsWith(REPLAY_PREFIX)) return null;
  return recordings.load(connection.scenario.slice(REPLAY_PREFIX.length));
}

/** Where a connection's answers come from, as the session keeps it: never with the key. */
export function connectionSource(connection: Pick<OpenConnection, 'offline' | 'describe' | 'baseURL'>): {
  offline: boolean;
  describe: string;
  baseURL?: string;
} {
  return {
    offline: connection.offline !== null,
    describe: connection.describe,
    ...(connection.offline || connection.baseURL === undefined ? {} : { baseURL: connection.baseURL }),
  };
}
