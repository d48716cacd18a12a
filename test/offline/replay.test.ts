import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { StreamMode } from '../../src/engine/types.js';
import { sessionPath } from '../../src/journal/state-dir.js';
import { type RecordedAttempt, RecordingError, Recordings } from '../../src/offline/recording.js';
import { replayTimeline } from '../../src/offline/replay.js';
import { SCENARIOS } from '../../src/offline/scenario-names.js';
import { startOfflineServer } from '../../src/offline/server.js';
import { journaledSession, reopen, sendAll, tempStateDir } from '../support/journaled.js';
import { withOfflineServer } from '../support/offline.js';
import { clientFor, collectTurn } from '../support/turns.js';

const MODES: StreamMode[] = ['helper', 'raw'];

/** Records `prompt` on a fresh session answered by `scenario`; the session's id. */
async function record(stateDir: string, scenario: string, mode: StreamMode, prompt: string): Promise<string> {
  return withOfflineServer({ scenario }, async (server) => {
    const { session, journal } = journaledSession(server, stateDir, mode);
    await sendAll(session, [prompt]);
    journal.close();
    return journal.id as string;
  });
}

/** Runs `use` against an offline server that answers with the replay `spec` (`ID:N`) at speed 0. */
async function withReplay<T>(stateDir: string, spec: string, use: (url: string) => Promise<T>): Promise<T> {
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

describe('the replay schedule', () => {
  const attempt: RecordedAttempt = {
    status: 200,
    headers: [],
    respondedAfterMs: 100,
    events: [10, 250, 251, 900].map((t, i) => ({ t: t + 100, event: `e${i}`, data: '{}' })),
    errorBody: null,
    ending: 'end',
  };

  it('keeps the recorded times at speed 1', () => {
    const timeline = replayTimeline(attempt, 1);
    expect(timeline.headersAt).toBe(100);
    expect(timeline.events.map((e) => e.due)).toEqual([110, 350, 351, 1000]);
  });

  it('scales every gap by the speed, in the recorded order', () => {
    const timeline = replayTimeline(attempt, 2);
    expect(timeline.headersAt).toBe(50);
    expect(timeline.events.map((e) => e.due)).toEqual([55, 175, 175.5, 500]);
    expect(replayTimeline(attempt, 0.5).events.map((e) => e.due)).toEqual([220, 700, 702, 2000]);
    expect(timeline.events.map((e) => e.event)).toEqual(['e0', 'e1', 'e2', 'e3']);
  });

  it('waits no less than nothing and no longer than a timer can, whatever the file says', () => {
    const hostile = { ...attempt, events: [-50, 1e15].map((t) => ({ t, event: null, data: '' })) };
    expect(replayTimeline(hostile, 1).events.map((e) => e.due)).toEqual([0, 2 ** 31 - 1]);
    expect(replayTimeline(attempt, 0.000001).events.every((e) => (e.due ?? 0) <= 2 ** 31 - 1)).toBe(true);
  });

  it('sends everything at once at speed 0', () => {
    const timeline = replayTimeline(attempt, 0);
    expect(timeline.headersAt).toBeNull();
    expect(timeline.events.map((e) => e.due)).toEqual([null, null, null, null]);
  });
});

/** A session file written by hand: a header, one turn, one attempt and these event records. */
function handWritten(stateDir: string, id: string, events: object[]): void {
  const settings = { model: 'claude-sonnet-4-6', maxTokens: 1000, mode: 'raw' };
  const attempt = { attempt: 0, sentAt: 0 };
  const lines = [
    {
      r: 'session',
      v: 1,
      id,
      started: '2026-12-01T00:00:00Z',
      settings,
      scenario: null,
      source: { offline: false, describe: 'live' },
      by: 'notebook',
    },
    { r: 'turn', c: 1, at: '2026-12-01T00:00:00Z', prompt: 'hi', settings, scenario: null },
    { r: 'u', c: 1, u: { type: 'attempt', attempt } },
    {
      r: 'u',
      c: 1,
      u: {
        type: 'response',
        attempt: {
          ...attempt,
          respondedAt: 3,
          status: 200,
          responseHeaders: [
            ['content-type', 'text/event-stream'],
            ['bad\nname', 'x'],
            ['x-evil', 'a\r\nb'],
          ],
        },
      },
    },
    ...events.map((e) => ({ r: 'e', c: 1, t: 5, ...e })),
  ];
  writeFileSync(sessionPath(stateDir, id), `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`, {
    flag: 'w',
  });
}

describe('a hostile recording is replayed as recorded', () => {
  it('writes unnamed events without a name, and data with escapes and odd bytes exactly', async () => {
    const state = tempStateDir();
    try {
      const { mkdirSync } = await import('node:fs');
      mkdirSync(`${state.dir}/sessions`, { recursive: true });
      const text = 'evil \u001b]52;c;aGk=\u0007 \u001b[2J \ud800 \u202e end';
      const start =
        '{"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"m","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":1,"output_tokens":1}}}';
      handWritten(state.dir, 'hostile', [
        { d: start },
        { d: '{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}', e: null },
        { d: JSON.stringify({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }) },
        { d: '{"type":"content_block_stop","index":0}', e: 'a name of its own' },
        {
          d: '{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":7}}',
        },
        { d: '{"type":"message_stop"}' },
      ]);
      const recordings = () => new Recordings(state.dir, 0).load('hostile:1');
      expect(recordings().attempts[0]?.events).toHaveLength(6);
      await withReplay(state.dir, 'hostile:1', async (url) => {
        const replayed = await collectTurn(clientFor(url, 0), 'raw', { prompt: 'hi' });
        expect(replayed.wire.map((e) => e.event)).toEqual([
          'message_start',
          null,
          'content_block_delta',
          'a name of its own',
          'message_delta',
          'message_stop',
        ]);
        expect(replayed.wire[2]?.data).toBe(
          JSON.stringify({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }),
        );
        // The SDK itself passes over events with no name or a name it does not know: the wire has them.
        expect(replayed.wire.map((e) => e.data)).toEqual(recordings().attempts[0]?.events.map((e) => e.data));
        const response = replayed.updates.find((u) => u.type === 'response');
        const names = response?.type === 'response' ? response.attempt.responseHeaders?.map(([n]) => n) : [];
        expect(names).not.toContain('x-evil');
      });
    } finally {
      state.remove();
    }
  });
});

describe('a replay that cannot be loaded says why in one line', () => {
  it('names the fix for a bad id, a missing session, a missing cell, an unreadable or foreign file', async () => {
    const state = tempStateDir();
    try {
      const id = await record(state.dir, 'chat', 'helper', 'hello');
      const recordings = new Recordings(state.dir, 1);
      const failure = (spec: string) => {
        try {
          recordings.load(spec);
        } catch (error) {
          expect(error).toBeInstanceOf(RecordingError);
          const message = (error as Error).message;
          expect(message).not.toContain('\n');
          return message;
        }
        throw new Error(`${spec} loaded`);
      };
      expect(failure('not an id!')).toMatch(/a replay is ID:N or ID/);
      expect(failure('20990101-0000-zzzz')).toMatch(/no saved session 20990101-0000-zzzz in /);
      expect(failure('../etc:1')).toMatch(/a replay is ID:N/);
      expect(failure(`${id}:0`)).toMatch(/a replay is ID:N/);
      expect(failure('20990101-0000-zzzz:1')).toMatch(
        /no saved session 20990101-0000-zzzz in .*streambook sessions lists them/,
      );
      expect(failure(`${id}:7`)).toBe(`session ${id} has no cell 7 (it has cells 1 to 1); pick one of those`);
      writeFileSync(sessionPath(state.dir, 'garbage'), '\u001b[2J not json\n\0\0\0');
      expect(failure('garbage:1')).toMatch(/can't replay garbage: .* is not a streambook session file/);
      const { mkdirSync } = await import('node:fs');
      mkdirSync(sessionPath(state.dir, 'folder'));
      expect(failure('folder:1')).toMatch(/can't replay folder: can't read .*EISDIR/);
      handWritten(state.dir, 'unsent', []);
      writeFileSync(
        sessionPath(state.dir, 'unsent'),
        `${JSON.stringify({ r: 'session', v: 1, id: 'unsent', started: 'x', settings: {}, source: {} })}\n${JSON.stringify({ r: 'turn', c: 1, at: 'x', prompt: 'p', settings: {} })}\n`,
      );
      expect(failure('unsent:1')).toMatch(/cell 1 of unsent has no recorded response to replay/);
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
