import { describe, expect, it } from 'vitest';
import type { TurnOutcome } from '../../src/engine/types.js';
import { newCell } from '../../src/store/cell.js';
import { initialState, type SessionState } from '../../src/store/session-state.js';
import { conversationCleared, turnEnded, turnStarted, turnUpdated } from '../../src/store/turn-updates.js';
import { SETTINGS } from '../support/turns.js';

const EMPTY = initialState(SETTINGS, { offline: true, describe: 'offline' }, 'chat');

function started(prompt: string, state: SessionState = EMPTY): SessionState {
  const id = (state.cells.at(-1)?.id ?? 0) + 1;
  return turnStarted(state, newCell(id, prompt, SETTINGS, 'chat'), null);
}

function outcome(usageFinal: boolean): TurnOutcome {
  const usage = { input_tokens: 7, output_tokens: 4 } as NonNullable<TurnOutcome['message']>['usage'];
  const message = {
    id: 'msg_1',
    type: 'message',
    role: 'assistant',
    model: SETTINGS.model,
    content: [{ type: 'text', text: 'Hi.', citations: null }],
    stop_reason: usageFinal ? 'end_turn' : null,
    stop_sequence: null,
    usage,
  } as unknown as NonNullable<TurnOutcome['message']>;
  return {
    status: usageFinal ? 'complete' : 'failed',
    message,
    metrics: { usageFinal } as TurnOutcome['metrics'],
  };
}

describe('the turn updates', () => {
  it('start a cell, remember its prompt once, and follow it', () => {
    const once = started('hello', { ...EMPTY, view: { ...EMPTY.view, scroll: 5, selected: 1 } });
    const twice = started('hello', once);
    expect(twice.cells.map((c) => c.id)).toEqual([1, 2]);
    expect(twice.promptHistory).toEqual(['hello']);
    expect(twice.view.scroll).toBe(0);
    expect(twice.view.selected).toBeNull();
  });

  it('mark the cell a retry replaces', () => {
    const first = started('hello');
    const retried = turnStarted(first, newCell(2, 'hello', SETTINGS, 'chat'), 1);
    expect(retried.cells.map((c) => c.replacedBy)).toEqual([2, null]);
  });

  it('touch only the streaming cell', () => {
    const state = started('hello');
    const update = { type: 'block_start', index: 0, block: { type: 'text', text: '' } } as const;
    expect(turnUpdated(state, 9, [update])).toBe(state);
    expect(turnUpdated(state, 1, [update]).cells[0]?.blocks).toHaveLength(1);
  });

  it('end a turn once: its cell, the history and the token totals together', () => {
    const request = [{ role: 'user' as const, content: 'hello' }];
    const ended = turnEnded(started('hello'), 1, request, outcome(true));
    expect(ended.cells[0]?.status).toBe('complete');
    expect(ended.history).toHaveLength(2);
    expect(ended.tokens).toEqual({ input: 7, output: 4, exact: true });
    const cut = turnEnded(started('again', ended), 2, ended.history, outcome(false));
    expect(cut.tokens).toEqual({ input: 14, output: 4, exact: false });
  });

  it('clear the conversation but keep the settings and the prompt history', () => {
    const cleared = conversationCleared(started('hello'));
    expect(cleared.cells).toEqual([]);
    expect(cleared.tokens).toEqual({ input: 0, output: 0, exact: true });
    expect(cleared.settings).toBe(EMPTY.settings);
    expect(cleared.promptHistory).toEqual(['hello']);
  });
});
