import type { Cell } from '../store/cell.js';

/**
 * The reply's text as the model wrote it: its text blocks in order. They are joined with
 * nothing between, because the API splits one passage into several blocks around citations.
 * Null when the reply has no text (a tool call only, or nothing yet).
 */
export function replyText(cell: Cell): string | null {
  const texts = cell.blocks.filter((block) => block.type === 'text').map((block) => block.text);
  const text = texts.join('');
  return text.trim() === '' ? null : text;
}

/** One fenced code block of Markdown: its info string's language, and its text. */
export interface CodeBlock {
  language: string;
  code: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/**
 * The fenced code blocks of Markdown text, in order, as CommonMark reads them: a fence is
 * three or more backticks or tildes, closed by a fence of the same character at least as long.
 * A block the reply never closed runs to the end, as a renderer shows it.
 */
export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  let open: { fence: string; indent: number; language: string; lines: string[] } | null = null;
  for (const line of markdown.split('\n')) {
    if (open === null) {
      const match = FENCE.exec(line);
      const info = match?.[2] ?? '';
      // A backtick fence's info string may not hold a backtick (it would be inline code).
      if (!match?.[1] || (match[1].startsWith('`') && info.includes('`'))) continue;
      const indent = leadingSpaces(line);
      open = { fence: match[1], indent, language: info.trim().split(/\s+/)[0] ?? '', lines: [] };
    } else if (closes(line, open.fence)) {
      blocks.push({ language: open.language, code: open.lines.join('\n') });
      open = null;
    } else {
      open.lines.push(dedent(line, open.indent));
    }
  }
  if (open) blocks.push({ language: open.language, code: open.lines.join('\n') });
  return blocks;
}

function closes(line: string, fence: string): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
  return match?.[1] !== undefined && match[1][0] === fence[0] && match[1].length >= fence.length;
}

/** A fence indented by n spaces takes up to n spaces off each of its lines. */
function dedent(line: string, indent: number): string {
  return line.slice(Math.min(indent, leadingSpaces(line)));
}

function leadingSpaces(line: string): number {
  return line.length - line.replace(/^ +/, '').length;
}
