import { expect, it } from 'vitest';
import type { TurnUpdate } from '../../src/engine/types.js';
import { readJournal } from '../../src/journal/read-journal.js';
import { restoreSession } from '../../src/journal/restore.js';
import { sessionPath } from '../../src/journal/state-dir.js';
import { exchangeRequest } from '../../src/tap/exchange-request.js';
import { PENDING_CHARS, TapSession, tapJournal } from '../../src/tap/tap-session.js';
import { tempStateDir } from '../support/journaled.js';

const request = (prompt: string) =>
  exchangeRequest(
    'POST',
    '/v1/messages',
    JSON.stringify({ model: 'm', max_tokens: 5, messages: [{ role: 'user', content: prompt }] }),
  );

const end = (): TurnUpdate => ({
  type: 'end',
  outcome: {
    status: 'complete',
    message: null,
    metrics: {
      ttfbMs: null,
      ttftMs: null,
      totalMs: 1,
      outputTokens: null,
      tokensPerSecond: null,
      stopReason: null,
      usage: null,
      usageFinal: false,
      attempts: 1,
    },
  },
});

it('files side-by-side exchanges one whole turn after another, past one whose recording broke', () => {
  const state = tempStateDir();
  const session = new TapSession(tapJournal(state.dir, 'http://upstream', () => {}));
  const first = session.exchange(request('first'));
  const second = session.exchange(request('second'));
  const third = session.exchange(request('third'));
  // The later ones end first: they wait, whole, for the one before them.
  third.update(end());
  second.update({ type: 'block_start', index: 0, block: { type: 'text', text: '' } });
  second.update({ type: 'text', index: 0, text: 'two', t: 1 });
  second.update(end());
  first.update({ type: 'block_start', index: 0, block: { type: 'text', text: '' } });
  first.broke('the tap failed to record this exchange: boom');
  session.close();

  const read = readJournal(sessionPath(state.dir, session.id as string));
  expect(read.header).toMatchObject({ by: 'tap', source: { offline: false, baseURL: 'http://upstream' } });
  const { cells } = restoreSession(read).state;
  expect(cells.map((c) => [c.id, c.prompt, c.status])).toEqual([
    [1, 'first', 'failed'],
    [2, 'second', 'complete'],
    [3, 'third', 'complete'],
  ]);
  expect(cells[0]?.error?.message).toContain('boom');
  expect(cells[1]?.blocks[0]?.text).toBe('two');
  state.remove();
});

it('holds no more than PENDING_CHARS of a turn waiting behind a stalled one, and files it as broken', () => {
  const state = tempStateDir();
  const session = new TapSession(tapJournal(state.dir, 'http://upstream', () => {}));
  const stalled = session.exchange(request('stalled'));
  const busy = session.exchange(request('busy'));
  busy.update({ type: 'block_start', index: 0, block: { type: 'text', text: '' } });
  const piece = 'x'.repeat(1024 * 1024);
  for (let i = 0; i * piece.length <= PENDING_CHARS; i++)
    busy.update({ type: 'text', index: 0, text: piece, t: i });
  busy.update(end());
  stalled.update(end());
  session.close();

  const { cells } = restoreSession(readJournal(sessionPath(state.dir, session.id as string))).state;
  expect(cells.map((c) => [c.prompt, c.status])).toEqual([
    ['stalled', 'complete'],
    ['busy', 'failed'],
  ]);
  expect(cells[1]?.error?.message).toContain('waited behind an earlier exchange');
  expect(cells[1]?.blocks[0]?.text ?? '').toBe('');
  state.remove();
});
