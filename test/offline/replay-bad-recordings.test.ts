import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sessionPath } from '../../src/journal/state-dir.js';
import { RecordingError, Recordings } from '../../src/offline/recording.js';
import { tempStateDir } from '../support/journaled.js';
import { record, withReplay } from '../support/replays.js';
import { clientFor, collectTurn } from '../support/turns.js';

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
