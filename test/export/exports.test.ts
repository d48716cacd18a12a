import { describe, expect, it } from 'vitest';
import type { MessageParam, StreamMode } from '../../src/engine/types.js';
import {
  type ExportedSession,
  sessionFromJournal,
  sessionFromState,
} from '../../src/export/exported-session.js';
import { harExport } from '../../src/export/har-export.js';
import { markdownExport } from '../../src/export/markdown-export.js';
import { notebookExport } from '../../src/export/notebook-export.js';
import { replyText } from '../../src/export/reply-text.js';
import { sessionJsonExport } from '../../src/export/session-json-export.js';
import { readJournal } from '../../src/journal/read-journal.js';
import { sessionPath } from '../../src/journal/state-dir.js';
import { Session } from '../../src/session/session.js';
import { initialState } from '../../src/store/session-state.js';
import { SessionStore } from '../../src/store/session-store.js';
import {
  expectHar12,
  HAS_PYTHON,
  notebookErrors,
  parseSse,
  pythonAppends,
} from '../support/export-checks.js';
import { journaledSession, sendAll, tempStateDir } from '../support/journaled.js';
import { withOfflineServer } from '../support/offline.js';
import { clientFor, SETTINGS } from '../support/turns.js';

const EXPORTS = { ipynb: notebookExport, md: markdownExport, json: sessionJsonExport, har: harExport };

/** Prompts no export may garble: escapes, controls, bidi, lone surrogates, quotes, a 1 MiB line. */
const HOSTILE = [
  'clipboard \u001b]52;c;aGk=\u0007 bell \u0007 CSI \u009b31m reset \u001b[0m del \u007f nul \u0000 cr\r\nlf',
  `quotes " ' """ ''' and backslashes \\ \\n \\" \\u0041 \\x41 \\N{DASH} end\\`,
  'bidi \u202eevil\u202c lone \ud800 and \udfff paired 😀 line\u2028sep\u2029para \u0085 next',
  `${'x'.repeat(1 << 20)}`,
];

// biome-ignore lint/suspicious/noControlCharactersInRegex: what a terminal would act on, raw
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * Runs prompts (or what `drive` does) on a saved session; resolves to it read back from its
 * file, and the session.
 */
async function savedRun(
  scenario: string,
  mode: StreamMode,
  drive: readonly string[] | ((session: Session) => Promise<void>),
): Promise<{ saved: ExportedSession; session: Session }> {
  const state = tempStateDir();
  try {
    return await withOfflineServer({ scenario }, async (server) => {
      const { session, journal } = journaledSession(server, state.dir, mode);
      await (typeof drive === 'function' ? drive(session) : sendAll(session, drive));
      const path = journal.saved() as string;
      expect(path).toBe(sessionPath(state.dir, journal.id as string));
      journal.close();
      return { saved: sessionFromJournal(readJournal(path)), session };
    });
  } finally {
    state.remove();
  }
}

/** The user message each turn sent, from its exact request body. */
function sentUserMessages(session: ExportedSession): MessageParam[] {
  return session.turns.map(({ cell }) => {
    const body = JSON.parse(cell.attempts[0]?.request?.body ?? '{}') as { messages: MessageParam[] };
    return body.messages.at(-1) as MessageParam;
  });
}

describe('exports of a saved session', () => {
  for (const mode of ['helper', 'raw'] as const) {
    it.each(['chat', 'thinking', 'tool-use', 'overloaded', 'unauthorized'])(
      `%s, ${mode} mode: the same bytes from the file as from the live notebook, in every format`,
      async (scenario) => {
        const { saved, session } = await savedRun(scenario, mode, ['first question', 'a follow-up']);
        expect(saved.turns).toHaveLength(2);
        // Only the file keeps the wall-clock times and the id: given the same, the rest is equal.
        const live = sessionFromState(session.state, saved.started);
        const same = {
          ...live,
          id: saved.id,
          turns: live.turns.map((t, i) => ({ ...t, at: saved.turns[i]?.at ?? '' })),
        };
        for (const write of Object.values(EXPORTS)) expect(write(same)).toBe(write(saved));
      },
    );

    it(`the notebook is valid nbformat 4 and streams as the turn did (${mode} mode)`, async () => {
      const { saved } = await savedRun('chat', mode, ['first question', 'a follow-up']);
      const text = notebookExport(saved);
      expect(notebookErrors(text)).toEqual([]);
      const notebook = JSON.parse(text) as { cells: Array<Record<string, unknown>> };
      const source = (id: string) =>
        ((notebook.cells.find((c) => c.id === id)?.source ?? []) as string[]).join('');
      expect(source('setup')).toContain('from anthropic import Anthropic');
      expect(source('setup')).toContain('load_dotenv()');
      expect(source('setup')).toContain('client = Anthropic()');
      expect(source('setup')).toContain(`MODEL_NAME = "${saved.turns[0]?.cell.settings.model}"`);
      const turn = source('cell-2');
      expect(turn).toContain('messages.append({"role": "user", "content": "a follow-up"})');
      if (mode === 'helper') {
        expect(turn).toContain('with client.messages.stream(');
        expect(turn).toContain('stream.text_stream');
        expect(turn).toContain('stream.get_final_message()');
      } else {
        expect(turn).toContain('stream=True');
        expect(turn).toContain('for event in stream:');
      }
      for (const { cell } of saved.turns) {
        const code = notebook.cells.find((c) => c.id === `cell-${cell.id}`);
        expect(code?.outputs).toEqual([{ output_type: 'stream', name: 'stdout', text: expect.any(Array) }]);
        const outputs = code?.outputs as Array<{ text: string[] }>;
        expect(outputs[0]?.text.join('')).toBe(replyText(cell));
        const metrics = source(`cell-${cell.id}-metrics`);
        expect(metrics).toMatch(/TTFT \d+ ms · total [\d.]+ m?s · \d+ tokens/);
      }
    });
  }

  it('a turn /retry replaced is told in the notebook, not run', async () => {
    const { saved } = await savedRun('overloaded', 'helper', async (session) => {
      await sendAll(session, ['one']);
      session.retry();
      await session.settled();
    });
    expect(saved.turns.map((t) => t.cell.replacedBy)).toEqual([2, null]);
    const notebook = JSON.parse(notebookExport(saved)) as { cells: Array<{ id: string; source: string[] }> };
    expect(notebook.cells.map((c) => c.id)).toEqual([
      'title',
      'setup',
      'cell-1-metrics',
      'cell-2',
      'cell-2-metrics',
    ]);
    expect(notebook.cells[2]?.source.join('')).toContain('replaced by cell 2 (/retry); not run here');
    expect(markdownExport(saved)).toContain('*Replaced by cell 2 (/retry).*');
  });

  it('the settings a turn used are the arguments of its call', async () => {
    const { saved } = await savedRun('thinking', 'helper', async (session) => {
      await sendAll(session, ['one']);
      session.setSettings({
        system: 'Be "brief".',
        temperature: 0.5,
        thinkingBudget: 2048,
        model: 'claude-x',
      });
      await sendAll(session, ['two']);
    });
    const notebook = JSON.parse(notebookExport(saved)) as { cells: Array<{ id: string; source: string[] }> };
    const two = notebook.cells.find((c) => c.id === 'cell-2')?.source.join('') ?? '';
    expect(two).toContain('    model="claude-x",\n    max_tokens=1000,\n    system="Be \\"brief\\".",');
    expect(two).toContain('    temperature=0.5,\n    thinking={"type": "enabled", "budget_tokens": 2048},');
    expect(notebook.cells.find((c) => c.id === 'cell-1')?.source.join('')).not.toContain('system=');
  });
});

describe('hostile prompt text', () => {
  for (const mode of ['helper', 'raw'] as const) {
    it(`JSON and HAR keep it exactly, the notebook stays valid (${mode} mode)`, async () => {
      const { saved } = await savedRun('chat', mode, HOSTILE);
      const json = JSON.parse(sessionJsonExport(saved)) as { cells: Array<{ prompt: string }> };
      expect(json.cells.map((c) => c.prompt)).toEqual(HOSTILE);
      const entries = expectHar12(JSON.parse(harExport(saved)));
      const bodies = saved.turns.map(({ cell }) => cell.attempts[0]?.request?.body);
      expect(entries.map((e) => (e.request as { postData: { text: string } }).postData.text)).toEqual(bodies);
      expect(notebookErrors(notebookExport(saved))).toEqual([]);
    });
  }

  it.skipIf(!HAS_PYTHON)(
    "Python parses every code cell, and reads back each turn's message exactly (skipped without python3)",
    async () => {
      const { saved } = await savedRun('chat', 'helper', [...HOSTILE, 'a plain one']);
      expect(pythonAppends(notebookExport(saved))).toEqual(sentUserMessages(saved));
    },
  );

  it.skipIf(!HAS_PYTHON)(
    "after a tool call, the results are made from the notebook's own reply (skipped without python3)",
    async () => {
      const { saved } = await savedRun('tool-use', 'raw', ['weather?', 'and tomorrow?']);
      const notebook = notebookExport(saved);
      const [first, second] = sentUserMessages(saved);
      const content = second?.content as Array<{ type: string }>;
      expect(content[0]?.type).toBe('tool_result');
      const rest = content.filter((block) => block.type !== 'tool_result');
      expect(pythonAppends(notebook)).toEqual([first, { role: 'user', content: ['TOOL_RESULTS', ...rest] }]);
      expect(notebook).toContain('for block in messages[-1][\\"content\\"]');
    },
  );

  it('Markdown shows every control character as the screen does, never raw', async () => {
    const { saved } = await savedRun('thinking', 'helper', HOSTILE);
    const md = markdownExport(saved);
    expect(md).not.toMatch(UNSAFE);
    expect(md).not.toMatch(/\p{Cs}/u);
    expect(md).toContain('clipboard ␛]52;c;aGk=␇ bell');
    expect(md).toContain('CSI \\x9b31m');
    expect(md).toContain('bidi \\u202eevil');
    expect(md).toContain('lone \\ud800 and \\udfff paired 😀');
    expect(md).toContain('<details>\n<summary>Thinking</summary>');
    expect(md).toContain('x'.repeat(1 << 20));
  });
});

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
