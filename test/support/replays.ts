import type { StreamMode } from '../../src/engine/types.js';
import { Recordings } from '../../src/offline/recording.js';
import { startOfflineServer } from '../../src/offline/server.js';
import { journaledSession, sendAll } from './journaled.js';
import { withOfflineServer } from './offline.js';

/** Records `prompt` on a fresh session answered by `scenario`; the session's id. */
export async function record(
  stateDir: string,
  scenario: string,
  mode: StreamMode,
  prompt: string,
): Promise<string> {
  return withOfflineServer({ scenario }, async (server) => {
    const { session, journal } = journaledSession(server, stateDir, mode);
    await sendAll(session, [prompt]);
    journal.close();
    return journal.id as string;
  });
}

/** Runs `use` against an offline server that answers with the replay `spec` (`ID:N`) at speed 0. */
export async function withReplay<T>(
  stateDir: string,
  spec: string,
  use: (url: string) => Promise<T>,
): Promise<T> {
  const server = await startOfflineServer({
    pace: 'none',
    scenario: `replay:${spec}`,
    recordings: new Recordings(stateDir, 0),
  });
  try {
    return await use(server.url);
  } finally {
    await server.close();
  }
}
