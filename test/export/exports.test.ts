import { describe, expect, it } from 'vitest';
import { sessionFromState } from '../../src/export/exported-session.js';
import { harExport } from '../../src/export/har-export.js';
import { markdownExport } from '../../src/export/markdown-export.js';
import { notebookExport } from '../../src/export/notebook-export.js';
import { replyText } from '../../src/export/reply-text.js';
import { sessionJsonExport } from '../../src/export/session-json-export.js';
import { notebookErrors } from '../support/export-checks.js';
import { sendAll } from '../support/journaled.js';
import { savedRun } from '../support/saved-run.js';

const EXPORTS = { ipynb: notebookExport, md: markdownExport, json: sessionJsonExport, har: harExport };

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
