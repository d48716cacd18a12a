import { describe, expect, it } from 'vitest';
import type { StreamMode } from '../../src/engine/types.js';
import { Recordings } from '../../src/offline/recording.js';
import { SCENARIOS } from '../../src/offline/scenario-names.js';
import { journaledSession, reopen, sendAll, tempStateDir } from '../support/journaled.js';
import { withOfflineServer } from '../support/offline.js';
import { record, withReplay } from '../support/replays.js';
import { clientFor, collectTurn } from '../support/turns.js';

const MODES: StreamMode[] = ['helper', 'raw'];

describe('a replay answers with the recorded turn', () => {
  for (const mode of MODES) {
    it.each(SCENARIOS.map((s) => s.name))(
      `%s, ${mode} mode: the same final message and events`,
      async (name) => {
        const state = tempStateDir();
        try {
          const id = await record(state.dir, name === 'long' ? 'long:300' : name, mode, 'weather in Oslo');
          const recorded = new Recordings(state.dir, 0).load(`${id}:1`);
          await withReplay(state.dir, `${id}:1`, async (url) => {
            // The recording was made with no retries (journaledSession's client), and so is its replay.
            const replayed = await collectTurn(clientFor(url, 0), mode, { prompt: 'weather in Oslo' });
            const original = reopen(state.dir, id).state.cells[0];
            if (!original) throw new Error('no recorded cell');
            const { message } = replayed.outcome;
            expect(message?.content).toEqual(original.message?.content);
            expect(message?.stop_reason).toEqual(original.message?.stop_reason);
            expect(message?.usage).toEqual(original.message?.usage);
            expect(replayed.outcome.status).toBe(original.status);
            expect(replayed.outcome.error?.kind).toBe(original.error?.kind);
            expect(replayed.outcome.error?.status).toBe(original.error?.status);
            expect(replayed.outcome.error?.message).toBe(original.error?.message);
            expect(replayed.wire.map((e) => [e.event, e.data])).toEqual(
              recorded.attempts.flatMap((a) => a.events.map((e) => [e.event, e.data])),
            );
            expect(replayed.wire.map((e) => [e.event, e.data])).toEqual(
              original.events.slice(0, original.eventCount).map((e) => [e.event, e.data]),
            );
          });
        } finally {
          state.remove();
        }
      },
    );
  }
});

describe('a replay keeps the recorded attempts', () => {
  it('answers each SDK retry with its recorded attempt: the 429, then the stream', async () => {
    const state = tempStateDir();
    try {
      const id = await withOfflineServer({ scenario: 'rate-limit' }, async (server) => {
        const { session, journal } = journaledSession(server, state.dir, 'helper', () => {}, 2);
        await sendAll(session, ['hello']);
        journal.close();
        return journal.id as string;
      });
      const original = reopen(state.dir, id).state.cells[0];
      const recording = new Recordings(state.dir, 0).load(`${id}:1`);
      expect(recording.attempts.map((a) => a.status)).toEqual([429, 200]);
      await withReplay(state.dir, `${id}:1`, async (url) => {
        const replayed = await collectTurn(clientFor(url, 2), 'helper', { prompt: 'hello' });
        expect(replayed.outcome.status).toBe('complete');
        expect(replayed.outcome.message).toEqual(original?.message);
        const attempts = replayed.updates.flatMap((u) => (u.type === 'response' ? [u.attempt] : []));
        expect(attempts.map((a) => a.status)).toEqual([429, 200]);
        const headers = new Map(attempts[0]?.responseHeaders);
        expect(headers.get('anthropic-ratelimit-requests-remaining')).toBe('0');
        expect(headers.get('request-id')).toBe(original?.attempts[0]?.requestId);
      });
    } finally {
      state.remove();
    }
  });
});

describe('a replayed stream ends as the recorded one did', () => {
  it.each([
    ['chat', 'end'],
    ['no-stop', 'end'],
    ['dropped', 'destroy'],
  ])('%s: %s', async (scenario, ending) => {
    const state = tempStateDir();
    try {
      const id = await record(state.dir, scenario, 'raw', 'hello');
      expect(new Recordings(state.dir, 0).load(`${id}:1`).attempts.at(-1)?.ending).toBe(ending);
    } finally {
      state.remove();
    }
  });

  it('an interrupted turn is held open where it was cut: the recording never saw its end', async () => {
    const state = tempStateDir();
    try {
      const id = await withOfflineServer(
        { scenario: 'long:5000', pace: { deltasPerSecond: 2000 } },
        async (server) => {
          const { session, journal } = journaledSession(server, state.dir, 'raw');
          session.submit('go on');
          while ((session.state.cells[0]?.eventCount ?? 0) < 10) await new Promise((r) => setImmediate(r));
          session.interrupt();
          await session.settled();
          journal.close();
          return journal.id as string;
        },
      );
      const recording = new Recordings(state.dir, 0).load(`${id}:1`);
      expect(recording.attempts.at(-1)?.ending).toBe('hold');
      const abort = new AbortController();
      await withReplay(state.dir, `${id}:1`, async (url) => {
        const count = recording.attempts[0]?.events.length ?? 0;
        const replayed = await collectTurn(clientFor(url, 0), 'raw', {
          prompt: 'go on',
          signal: abort.signal,
          onUpdate: (u) => {
            if (u.type === 'wire' && u.event.seq === count - 1) abort.abort();
          },
        });
        expect(replayed.outcome.status).toBe('interrupted');
        expect(replayed.wire).toHaveLength(count);
      });
    } finally {
      state.remove();
    }
  });
});
