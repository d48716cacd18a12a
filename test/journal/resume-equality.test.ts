import { describe, expect, it } from 'vitest';
import type { StreamMode } from '../../src/engine/types.js';
import { SCENARIOS } from '../../src/offline/scenario-names.js';
import { comparable, journaledSession, reopen, sendAll, tempStateDir } from '../support/journaled.js';
import { withOfflineServer } from '../support/offline.js';

const MODES: StreamMode[] = ['helper', 'raw'];

describe('a saved session resumes equal to the live one', () => {
  for (const mode of MODES) {
    it.each(SCENARIOS.map((s) => s.name))(
      `%s, ${mode} mode: cells, metrics, timelines and history`,
      async (name) => {
        const state = tempStateDir();
        try {
          await withOfflineServer({ scenario: name === 'long' ? 'long:300' : name }, async (server) => {
            const { session, journal } = journaledSession(server, state.dir, mode);
            await sendAll(session, ['first question', 'and a follow-up']);
            journal.close();
            const restored = reopen(state.dir, journal.id as string);
            expect(restored.skipped).toBe(0);
            expect(comparable(restored.state)).toEqual(comparable(session.state));
            expect(restored.state.cells).toHaveLength(2);
          });
        } finally {
          state.remove();
        }
      },
    );
  }
});
