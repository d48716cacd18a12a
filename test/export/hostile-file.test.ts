import { describe, expect, it } from 'vitest';
import { sessionFromJournal } from '../../src/export/exported-session.js';
import { harExport } from '../../src/export/har-export.js';
import { markdownExport } from '../../src/export/markdown-export.js';
import { notebookExport } from '../../src/export/notebook-export.js';
import { sessionJsonExport } from '../../src/export/session-json-export.js';
import { parseJournal } from '../../src/journal/read-journal.js';
import { expectHar12, notebookErrors } from '../support/export-checks.js';

const settings = { model: 'claude-\u001b]0;x\u0007', maxTokens: 10, mode: 'helper' };

/** A session file no streambook wrote: a time that is not one, a body that is not JSON, a torn end. */
const FILE = [
  {
    r: 'session',
    v: 1,
    id: 'x',
    started: 'yesterday',
    settings,
    scenario: null,
    source: { offline: false, describe: 'hand' },
    by: 'hand',
  },
  { r: 'turn', c: 1, at: 'not a time', prompt: 'hi\u0000', settings, scenario: null },
  {
    r: 'u',
    c: 1,
    u: {
      type: 'attempt',
      attempt: {
        attempt: 0,
        sentAt: 1e300,
        request: { method: 'POST', url: '::', headers: [['x-api-key', 'secret']], body: 'not json' },
      },
    },
  },
  { r: 'e', c: 1, t: 5, d: 'line one\nline two', e: 'weird\u001b[2J' },
  { r: 't', c: 1, t: 6, i: 0, x: 'orphan text' },
]
  .map((record) => JSON.stringify(record))
  .join('\n')
  .concat('\n{"r":"e","c":1,"t":7,"d":"tor');

describe('a hand-made or damaged session file', () => {
  it('exports in every format without throwing, hiding the credential header', () => {
    const session = sessionFromJournal(parseJournal(FILE, 'hand.jsonl'));
    expect(session.turns).toHaveLength(1);
    expect(notebookErrors(notebookExport(session))).toEqual([]);
    const [entry] = expectHar12(JSON.parse(harExport(session))) as Array<{
      startedDateTime: string;
      request: { headers: Array<{ value: string }> };
      response: { content: { text: string } };
    }>;
    expect(entry?.startedDateTime).toBe('1970-01-01T00:00:00.000Z');
    expect(entry?.request.headers).toEqual([{ name: 'x-api-key', value: '[redacted]' }]);
    expect(entry?.response.content.text).toBe('event: weird\u001b[2J\ndata: line one\ndata: line two\n\n');
    expect(markdownExport(session)).not.toContain('\u001b');
    const json = JSON.parse(sessionJsonExport(session));
    expect(json.cells[0].prompt).toBe('hi\u0000');
    expect(json.cells[0].status).toBe('failed');
    for (const text of [sessionJsonExport(session), harExport(session), markdownExport(session)])
      expect(text).not.toContain('secret');
  });
});
