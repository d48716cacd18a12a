import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Anthropic from '@anthropic-ai/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../src/engine/client.js';
import { SessionJournal } from '../../src/journal/session-journal.js';
import { Session } from '../../src/session/session.js';
import { initialState } from '../../src/store/session-state.js';
import { SessionStore } from '../../src/store/session-store.js';
import { serveScript } from '../support/sse-fixture-server.js';
import { messageEnd, messageStart } from '../support/stream-events.js';
import { clientFor, SETTINGS } from '../support/turns.js';

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

const REPLY = [
  messageStart('msg_ok'),
  {
    event: 'content_block_start',
    data: { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
  },
  {
    event: 'content_block_delta',
    data: { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Fine.' } },
  },
  { event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 } },
  ...messageEnd('end_turn', 2),
];

async function sessionWith(client: (url: string) => Anthropic) {
  const server = await serveScript([{ kind: 'sse', events: REPLY }]);
  open.push(server);
  const store = new SessionStore(initialState(SETTINGS, { offline: false, describe: 'test server' }, null));
  return new Session(store, client(server.url), null);
}

describe('a turn that throws inside streambook', () => {
  it('fails its cell, keeps the session, and the next prompt works, when taking an update throws', async () => {
    const session = await sessionWith((url) => clientFor(url, 0));
    let failOnce = true;
    session.store.subscribe(() => {
      const cell = session.state.cells.at(-1);
      if (failOnce && cell?.blocks[0]?.text) {
        failOnce = false;
        throw new RangeError('Maximum call stack size exceeded');
      }
    });
    session.submit('first');
    await session.settled();
    const [first] = session.state.cells;
    expect(first?.status).toBe('failed');
    expect(first?.error).toEqual({
      kind: 'internal',
      message:
        'streambook failed on this reply (RangeError: Maximum call stack size exceeded); the session is kept: /retry sends it again',
    });
    expect(session.state.history).toEqual([]);

    expect(session.submit('second')).toBe(true);
    await session.settled();
    expect(session.state.cells.map((c) => c.status)).toEqual(['failed', 'complete']);
    expect(session.state.history.map((m) => m.role)).toEqual(['user', 'assistant']);
  });

  it('hides the key in the failure it reports, on screen and in the session file', async () => {
    const key = 'sk-ant-api03-failure-words-key-0123456789abcdef';
    const server = await serveScript([{ kind: 'sse', events: REPLY }]);
    open.push(server);
    const stateDir = mkdtempSync(join(tmpdir(), 'sb-failure-'));
    const state = initialState(SETTINGS, { offline: false, describe: 'test server' }, null);
    const header = {
      settings: state.settings,
      scenario: null,
      source: state.source,
      by: 'notebook' as const,
    };
    const journal = new SessionJournal({ stateDir, header, warn: () => {} });
    const client = createClient({ apiKey: key, baseURL: server.url, maxRetries: 0 });
    const session = new Session(new SessionStore(state), client, null, { journal });
    let failOnce = true;
    session.store.subscribe(() => {
      if (failOnce && session.state.cells.at(-1)?.blocks[0]?.text) {
        failOnce = false;
        throw new Error(`bad header x-api-key: ${key}`);
      }
    });
    session.submit('first');
    await session.settled();
    journal.close();
    const message = session.state.cells[0]?.error?.message ?? '';
    expect(session.state.cells[0]?.status).toBe('failed');
    expect(message).toContain('bad header x-api-key: ');
    expect(message).not.toContain(key.slice(-16));
    const saved = readFileSync(journal.saved() ?? '', 'utf8');
    expect(saved).toContain('bad header x-api-key: ');
    expect(saved).not.toContain(key.slice(-16));
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('fails its cell when the turn itself rejects', async () => {
    let broken = true;
    const session = await sessionWith((url) => {
      const client = createClient({ apiKey: 'sk-test-key-not-real', baseURL: url, maxRetries: 0 });
      // The engine promises never to reject; this client breaks that promise once.
      const stream = client.messages.stream.bind(client.messages);
      client.messages.stream = ((...args: Parameters<typeof stream>) => {
        if (broken) {
          broken = false;
          throw new TypeError('value.map is not a function');
        }
        return stream(...args);
      }) as typeof stream;
      return client;
    });
    session.submit('first');
    await session.settled();
    expect(session.state.cells[0]?.status).toBe('failed');
    expect(session.state.cells[0]?.error?.message).toContain('TypeError: value.map is not a function');
    expect(session.submit('second')).toBe(true);
    await session.settled();
    expect(session.state.cells[1]?.status).toBe('complete');
  });
});
