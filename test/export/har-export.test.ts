import { describe, expect, it } from 'vitest';
import { sessionFromState } from '../../src/export/exported-session.js';
import { harExport } from '../../src/export/har-export.js';
import { Session } from '../../src/session/session.js';
import { initialState } from '../../src/store/session-state.js';
import { SessionStore } from '../../src/store/session-store.js';
import { expectHar12, parseSse } from '../support/export-checks.js';
import { sendAll } from '../support/journaled.js';
import { withOfflineServer } from '../support/offline.js';
import { savedRun } from '../support/saved-run.js';
import { clientFor, SETTINGS } from '../support/turns.js';

describe('HAR', () => {
  it("one entry per attempt, its SSE body made again from the turn's wire events", async () => {
    const { saved } = await savedRun('chat', 'raw', ['first question', 'a follow-up']);
    const entries = expectHar12(JSON.parse(harExport(saved)));
    expect(entries).toHaveLength(2);
    for (const [at, { cell }] of saved.turns.entries()) {
      const entry = entries[at] as {
        response: { status: number; content: { mimeType: string; text: string } };
      };
      expect(entry.response.status).toBe(200);
      expect(entry.response.content.mimeType).toMatch(/^text\/event-stream/);
      const events = cell.events.slice(0, cell.eventCount).map((e) => ({ event: e.event, data: e.data }));
      expect(parseSse(entry.response.content.text)).toEqual(events);
    }
    const request = (entries[0] as { request: { headers: Array<{ name: string; value: string }> } }).request;
    const key = request.headers.find((h) => h.name === 'x-api-key' || h.name === 'authorization');
    expect(key?.value).toBe('[redacted]');
  });

  it('a retried turn has an entry per attempt: the 529, then the stream', async () => {
    await withOfflineServer({ scenario: 'overloaded-529' }, async (server) => {
      const source = { offline: true, describe: 'offline test' };
      const store = new SessionStore(initialState(SETTINGS, source, server.scenario));
      const session = new Session(store, clientFor(server.url, 2), server);
      await sendAll(session, ['hi']);
      const exported = sessionFromState(session.state, '2026-12-02T03:00:00.000Z');
      const entries = expectHar12(JSON.parse(harExport(exported))) as Array<{
        startedDateTime: string;
        response: { status: number; content: { text: string } };
      }>;
      expect(entries.map((e) => e.response.status)).toEqual([529, 200]);
      expect(entries[0]?.response.content.text).toBe('');
      expect(parseSse(entries[1]?.response.content.text ?? '').at(-1)?.event).toBe('message_stop');
      const sent = session.state.cells[0]?.attempts.map((a) => a.sentAt) ?? [];
      expect(entries.map((e) => Date.parse(e.startedDateTime))).toEqual(
        sent.map((ms) => Date.parse('2026-12-02T03:00:00.000Z') + Math.trunc(ms)),
      );
    });
  });

  it('a failed HTTP attempt has its status and no body', async () => {
    const { saved } = await savedRun('unauthorized', 'helper', ['hi']);
    const [entry] = expectHar12(JSON.parse(harExport(saved))) as Array<{ response: { status: number } }>;
    expect(entry?.response.status).toBe(401);
  });
});
