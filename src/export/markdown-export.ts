import type { Cell, CellBlock } from '../store/cell.js';
import { neutralize } from '../terminal/neutralize.js';
import type { ExportedSession } from './exported-session.js';
import { metricsLine } from './metrics-line.js';

/**
 * The session as a Markdown transcript to read: each prompt, its reply, thinking folded in
 * <details>, tool calls with their input, and the metrics. People `cat` it, so every control
 * character is shown as the notebook shows it (neutralize), never sent to the terminal.
 */
export function markdownExport(session: ExportedSession): string {
  const parts = [
    `# streambook session ${session.id ?? '(not saved)'}`,
    `Started ${session.started} · ${session.source.describe}`,
  ];
  for (const { cell, at } of session.turns) parts.push(...cellParts(cell, at));
  return `${neutralize(parts.join('\n\n'))}\n`;
}

function cellParts(cell: Cell, at: string): string[] {
  const { settings } = cell;
  const parts = [
    `## Cell ${cell.id}`,
    `*${at} · ${settings.model} · ${settings.mode} mode*`,
    quoted(cell.prompt),
  ];
  for (const block of cell.blocks) parts.push(blockMarkdown(block));
  if (cell.status === 'failed' && cell.error) parts.push(`**Error:** ${cell.error.message}`);
  if (cell.status === 'interrupted') parts.push('*Interrupted.*');
  if (cell.replacedBy !== null) parts.push(`*Replaced by cell ${cell.replacedBy} (/retry).*`);
  if (cell.metrics) parts.push(`*${metricsLine(cell)}*`);
  return parts;
}

function blockMarkdown(block: CellBlock): string {
  switch (block.type) {
    case 'text':
      return block.text;
    case 'thinking':
      return `<details>\n<summary>Thinking</summary>\n\n${fenced(block.text, '')}\n\n</details>`;
    case 'redacted_thinking':
      return '<details>\n<summary>Thinking (redacted)</summary>\n\n</details>';
    default:
      // Tool calls (tool_use, server_tool_use) and blocks newer than us: the name and the input.
      return `**${block.type}${block.name ? `: ${block.name}` : ''}**\n\n${fenced(block.text, 'json')}`;
  }
}

/** The prompt as a block quote, every line of it. */
function quoted(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

/** A fenced block whose fence is longer than any run of backticks in the text, so none closes it. */
function fenced(text: string, language: string): string {
  const longest = (text.match(/`+/g) ?? []).reduce((most, run) => Math.max(most, run.length), 2);
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text}\n${fence}`;
}
