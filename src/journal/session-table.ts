import stringWidth from 'string-width';
import { shown } from '../config/shown.js';
import { cutText, neutralize } from '../terminal/neutralize.js';
import type { SessionSummary } from './session-list.js';

/**
 * The sessions as lines of a table `width` columns wide (the terminal's, in the CLI; the
 * list's, in /sessions): id, local start date, first prompt, cells, tokens, and the parent of a
 * fork. The first prompt takes the room the others leave; everything read from a file is
 * neutralized, so a prompt's escape sequences show as text and never act on the terminal.
 */
export function sessionTable(sessions: readonly SessionSummary[], width: number): string[] {
  const rows = sessions.map((s) => ({
    id: s.id,
    date: shortDate(s.started),
    prompt: promptLine(s.firstPrompt),
    cells: `${s.cells} cell${s.cells === 1 ? '' : 's'}`,
    tokens: `${count(s.tokens.input)} in / ${count(s.tokens.output)} out`,
    fork: s.parent ? `fork of ${shown(s.parent.id)} at cell ${s.parent.cell}` : '',
  }));
  const widest = (pick: (row: (typeof rows)[number]) => string) =>
    Math.max(0, ...rows.map((row) => stringWidth(pick(row))));
  const idWidth = widest((r) => r.id);
  const cellsWidth = widest((r) => r.cells);
  const tokensWidth = widest((r) => r.tokens);
  const forkWidth = widest((r) => r.fork);
  const fixed = idWidth + cellsWidth + tokensWidth + forkWidth + 2 * (forkWidth > 0 ? 4 : 3);
  // Narrow, the date goes first: the id holds the same day and minute.
  const dated = width - fixed - DATE_WIDTH - 2 >= MIN_PROMPT;
  const promptWidth = Math.max(MIN_PROMPT, width - fixed - (dated ? DATE_WIDTH + 2 : 0));
  return rows.map((row) =>
    [
      row.id.padEnd(idWidth),
      ...(dated ? [row.date] : []),
      fitColumns(row.prompt, promptWidth),
      row.cells.padStart(cellsWidth),
      row.tokens.padStart(tokensWidth),
      ...(forkWidth > 0 ? [row.fork] : []),
    ]
      .join('  ')
      .trimEnd(),
  );
}

const DATE_WIDTH = 16;
const MIN_PROMPT = 12;

/** "2026-12-02 02:24", in local time; a start time a file garbled shows as a dash. */
function shortDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '–'.padEnd(DATE_WIDTH);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`.padEnd(
    DATE_WIDTH,
  );
}

/** A prompt on one line, its runs of white space as one space, made safe to show. */
function promptLine(prompt: string): string {
  // Only the start can be shown: a pasted megabyte is not worked through to show a line of it.
  const line = neutralize(cutText(prompt, 4096).replace(/\s+/g, ' ').trim());
  return line || '(no prompt)';
}

function count(n: number): string {
  return n >= 10_000 ? `${(n / 1000).toFixed(1)}k` : String(n);
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** `text` in exactly `columns` terminal columns: cut with an ellipsis between clusters, or padded. */
function fitColumns(text: string, columns: number): string {
  if (stringWidth(text) <= columns) return text + ' '.repeat(columns - stringWidth(text));
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const w = stringWidth(segment);
    if (used + w > columns - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…${' '.repeat(columns - 1 - used)}`;
}
