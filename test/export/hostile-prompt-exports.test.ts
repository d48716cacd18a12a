import { describe, expect, it } from 'vitest';
import type { MessageParam } from '../../src/engine/types.js';
import type { ExportedSession } from '../../src/export/exported-session.js';
import { harExport } from '../../src/export/har-export.js';
import { markdownExport } from '../../src/export/markdown-export.js';
import { notebookExport } from '../../src/export/notebook-export.js';
import { sessionJsonExport } from '../../src/export/session-json-export.js';
import { expectHar12, HAS_PYTHON, notebookErrors, pythonAppends } from '../support/export-checks.js';
import { savedRun } from '../support/saved-run.js';

/** Prompts no export may garble: escapes, controls, bidi, lone surrogates, quotes, a 1 MiB line. */
const HOSTILE = [
  'clipboard \u001b]52;c;aGk=\u0007 bell \u0007 CSI \u009b31m reset \u001b[0m del \u007f nul \u0000 cr\r\nlf',
  `quotes " ' """ ''' and backslashes \\ \\n \\" \\u0041 \\x41 \\N{DASH} end\\`,
  'bidi \u202eevil\u202c lone \ud800 and \udfff paired 😀 line\u2028sep\u2029para \u0085 next',
  `${'x'.repeat(1 << 20)}`,
];

// biome-ignore lint/suspicious/noControlCharactersInRegex: what a terminal would act on, raw
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** The user message each turn sent, from its exact request body. */
function sentUserMessages(session: ExportedSession): MessageParam[] {
  return session.turns.map(({ cell }) => {
    const body = JSON.parse(cell.attempts[0]?.request?.body ?? '{}') as { messages: MessageParam[] };
    return body.messages.at(-1) as MessageParam;
  });
}

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
