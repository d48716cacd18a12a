import type { Clipboard } from '../clipboard/clipboard.js';
import { formatBytes } from '../export/byte-size.js';
import { partialNote } from '../export/cell-json.js';
import { codeBlocks, replyText } from '../export/reply-text.js';
import type { Cell } from '../store/cell.js';
import { neutralize } from '../terminal/neutralize.js';
import { cellArgument, cellJson } from './cell-argument.js';
import { type Command, type CommandResult, error } from './command.js';

export const copyCommand: Command = {
  name: 'copy',
  args: '[text|code] [n] [k]',
  summary:
    "copy cell n's final message JSON, or its reply's text, or its k-th code block (default the first)",
  async run({ session, clipboard }, args) {
    const [what, ...rest] = args.trim().split(/\s+/);
    if (what === 'text') return copyText(clipboard, cellArgument(session, rest.join(' ')));
    if (what === 'code') return copyCode(clipboard, cellArgument(session, rest.join(' ')));
    const found = cellJson(session, args);
    if ('kind' in found) return found;
    if (found.rest) return error(`/copy takes a cell number, text or code, not '${found.rest}'`);
    return copied(clipboard, found.cell, 'JSON', found.json);
  },
};

type Found = ReturnType<typeof cellArgument>;

async function copyText(clipboard: Clipboard, found: Found): Promise<CommandResult> {
  if ('kind' in found) return found;
  if (found.rest) return error(`/copy text takes a cell number, not '${found.rest}'`);
  const text = replyText(found.cell);
  if (text === null) return error(`cell ${found.cell.id} has no reply text`);
  return copied(clipboard, found.cell, 'text', text);
}

async function copyCode(clipboard: Clipboard, found: Found): Promise<CommandResult> {
  if ('kind' in found) return found;
  const { cell, rest } = found;
  if (rest && !/^\d+$/.test(rest))
    return error(`/copy code takes a cell number and a block number, not '${rest}'`);
  const blocks = codeBlocks(replyText(cell) ?? '');
  const k = rest ? Number(rest) : 1;
  const block = blocks[k - 1];
  if (blocks.length === 0) return error(`cell ${cell.id} has no code block`);
  if (!block) {
    return error(`cell ${cell.id} has ${count(blocks.length)}: /copy code ${cell.id} 1 to ${blocks.length}`);
  }
  const language = block.language ? ` (${neutralize(block.language)})` : '';
  return copied(clipboard, cell, `code block ${k} of ${blocks.length}${language}`, block.code);
}

function count(blocks: number): string {
  return blocks === 1 ? 'one code block' : `${blocks} code blocks`;
}

/**
 * Copies model text, each control character shown as its picture (␛): pasted into a terminal,
 * a raw escape could act there, or end a bracketed paste early.
 */
async function copied(clipboard: Clipboard, cell: Cell, what: string, text: string): Promise<CommandResult> {
  const safe = neutralize(text);
  const result = await clipboard.copy(safe);
  const size = formatBytes(Buffer.byteLength(safe));
  return {
    kind: 'toast',
    text: `Cell ${cell.id} ${what}${partialNote(cell)}, ${size}: ${result.summary}`,
    tone: result.systemCopied ? 'success' : 'info',
  };
}
