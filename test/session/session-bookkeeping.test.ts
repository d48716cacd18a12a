import { afterEach, describe, expect, it } from 'vitest';
import { startOfflineServer } from '../../src/offline/server.js';
import { Session } from '../../src/session/session.js';
import { initialState } from '../../src/store/session-state.js';
import { SessionStore } from '../../src/store/session-store.js';
import { type ScriptedResponse, serveScript } from '../support/sse-fixture-server.js';
import { messageEnd, messageStart } from '../support/stream-events.js';
import { clientFor, SETTINGS } from '../support/turns.js';

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

function sessionOn(url: string): Session {
  const store = new SessionStore(initialState(SETTINGS, { offline: false, describe: 'test server' }, null));
  return new Session(store, clientFor(url, 0), null);
}

function textBlock(text: string) {
  return [
    {
      event: 'content_block_start',
      data: { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
    },
    {
      event: 'content_block_delta',
      data: { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } },
    },
    { event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 } },
  ];
}

/** A stream that stops after some text, without message_delta or message_stop. */
const CUT_SHORT: ScriptedResponse = {
  kind: 'sse',
  events: [messageStart('msg_cut', 7), ...textBlock('Partial answer')],
};
const COMPLETE: ScriptedResponse = {
  kind: 'sse',
  events: [messageStart('msg_ok', 7), ...textBlock('Whole answer.'), ...messageEnd('end_turn', 4)],
};

async function scripted(responses: ScriptedResponse[]) {
  const server = await serveScript(responses);
  open.push(server);
  return { server, session: sessionOn(server.url) };
}

async function send(session: Session, prompt: string): Promise<void> {
  expect(session.submit(prompt)).toBe(true);
  await session.settled();
}

describe('/retry', () => {
  it('after a failed turn sends the history from before it, and marks the failed cell replaced', async () => {
    const { server, session } = await scripted([COMPLETE, CUT_SHORT, COMPLETE]);
    await send(session, 'first');
    await send(session, 'second');
    expect(session.state.cells[1]?.status).toBe('failed');
    expect(session.retry()).toBe(true);
    await session.settled();
    const sent = (server.requests[2] as { messages: unknown[] }).messages;
    expect(sent).toEqual([
      { role: 'user', content: 'first' },
      { role: 'assistant', content: [{ type: 'text', text: 'Whole answer.' }] },
      { role: 'user', content: 'second' },
    ]);
    expect(session.state.cells.map((c) => [c.id, c.status, c.replacedBy])).toEqual([
      [1, 'complete', null],
      [2, 'failed', 3],
      [3, 'complete', null],
    ]);
    expect(session.state.history).toHaveLength(4);
  });

  it('after a complete turn sends the prompt again as a new turn', async () => {
    const { server, session } = await scripted([COMPLETE]);
    await send(session, 'again');
    session.retry();
    await session.settled();
    expect((server.requests[1] as { messages: unknown[] }).messages).toHaveLength(3);
    expect(session.state.cells[0]?.replacedBy).toBeNull();
  });
});

describe('the token totals', () => {
  it('are a lower bound once a turn ended before its final usage, and /clear resets them', async () => {
    const { session } = await scripted([COMPLETE, CUT_SHORT]);
    await send(session, 'one');
    expect(session.state.tokens).toEqual({ input: 7, output: 4, exact: true });
    await send(session, 'two');
    // The cut-short turn's input is known from message_start; its placeholder output is not counted.
    expect(session.state.tokens).toEqual({ input: 14, output: 4, exact: false });
    session.clear();
    expect(session.state.tokens).toEqual({ input: 0, output: 0, exact: true });
  });

  it('are a lower bound after an interrupted turn', async () => {
    const server = await startOfflineServer({ pace: { deltasPerSecond: 200 }, scenario: 'long:400' });
    open.push(server);
    const session = sessionOn(server.url);
    let interrupted = false;
    session.store.subscribe(() => {
      if (!interrupted && (session.state.cells[0]?.blocks[0]?.text.length ?? 0) > 0)
        interrupted = session.interrupt();
    });
    await send(session, 'go');
    expect(session.state.cells[0]?.status).toBe('interrupted');
    expect(session.state.tokens.exact).toBe(false);
  });
});
