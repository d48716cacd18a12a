import type { Cell } from '../store/cell.js';
import type { ExportedSession } from './exported-session.js';
import { metricsLine } from './metrics-line.js';
import { setupCode, turnCode } from './notebook-code.js';
import { replyText } from './reply-text.js';

type NotebookCell =
  | { cell_type: 'markdown'; id: string; metadata: object; source: string[] }
  | {
      cell_type: 'code';
      id: string;
      execution_count: number | null;
      metadata: object;
      outputs: Array<{ output_type: 'stream'; name: 'stdout'; text: string[] }>;
      source: string[];
    };

/**
 * The session as a Jupyter notebook (nbformat 4.5) in the seeds' style: a setup cell, then
 * for each turn a code cell that appends the prompt to `messages` and streams the reply (with
 * `messages.stream` or, for a raw-mode turn, `create(stream=True)` and the event loop), its
 * saved output the streamed text, and a Markdown cell with the turn's metrics. Run top to
 * bottom with a key, it holds the same conversation.
 */
export function notebookExport(session: ExportedSession): string {
  const model = session.turns[0]?.cell.settings.model ?? '';
  const cells: NotebookCell[] = [
    markdown('title', `# streambook session ${session.id ?? '(not saved)'}\n\nStarted ${session.started}.`),
    code('setup', null, setupCode(model), ''),
  ];
  let count = 0;
  for (const { cell } of session.turns) {
    // A turn /retry replaced left the conversation: it is told, not run.
    if (cell.replacedBy === null)
      cells.push(code(`cell-${cell.id}`, ++count, turnCode(cell, model), replyText(cell) ?? ''));
    cells.push(markdown(`cell-${cell.id}-metrics`, metricsMarkdown(cell)));
  }
  const notebook = {
    cells,
    metadata: {
      kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' },
      language_info: { name: 'python' },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return `${JSON.stringify(notebook, null, 1)}\n`;
}

function metricsMarkdown(cell: Cell): string {
  const { settings } = cell;
  const lines = [`**Cell ${cell.id}** · ${settings.model} · ${settings.mode} mode`];
  if (cell.metrics) lines.push(metricsLine(cell));
  if (cell.status === 'failed' && cell.error) lines.push(`✗ ${cell.error.message}`);
  if (cell.status === 'interrupted') lines.push('⏸ interrupted');
  if (cell.replacedBy !== null) lines.push(`↻ replaced by cell ${cell.replacedBy} (/retry); not run here`);
  return lines.join('\n\n');
}

function markdown(id: string, text: string): NotebookCell {
  return { cell_type: 'markdown', id, metadata: {}, source: lines(text) };
}

function code(id: string, count: number | null, source: string, output: string): NotebookCell {
  const outputs = output
    ? [{ output_type: 'stream' as const, name: 'stdout' as const, text: lines(output) }]
    : [];
  return { cell_type: 'code', id, execution_count: count, metadata: {}, outputs, source: lines(source) };
}

/** Text as Jupyter writes it: one string per line, each with its line break. */
function lines(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}
