import chalk from 'chalk';
import type { CellBlock } from '../../store/cell.js';
import { neutralize } from '../../terminal/neutralize.js';
import { linkUrls } from '../../terminal/osc8.js';
import type { CellLineOptions } from './cell-lines.js';
import { markdownRenderer } from './markdown-loader.js';
import { wrap } from './wrap.js';

/** Wraps a block's text as it grows, from what was wrapped of it before (see GrowingWrap). */
export type WrapGrowing = (block: CellBlock, width: number) => string[];

/**
 * One block's lines. `finished`: shown as a finished reply shows it (its Markdown rendered, a
 * search tool's query as text); otherwise its text is wrapped as it grew.
 */
export function blockLines(
  block: CellBlock,
  options: Pick<CellLineOptions, 'rawText' | 'thinkingHidden'>,
  width: number,
  wrapGrowing: WrapGrowing,
  finished: boolean,
): string[] {
  switch (block.type) {
    case 'text': {
      const markdown = markdownRenderer();
      const text =
        finished && !options.rawText && markdown
          ? markdown.renderMarkdown(block.text, width, chalk.level > 0)
          : finished
            ? wrap(linkUrls(neutralize(block.text)), width)
            : wrapGrowing(block, width);
      return [...text, ...citationLines(block, width)];
    }
    case 'thinking': {
      if (options.thinkingHidden) {
        return styled(`▸ thinking · ${block.text.length} chars hidden (Ctrl+O shows)`, width, chalk.dim);
      }
      const text = finished ? wrap(neutralize(block.text), width - 2) : wrapGrowing(block, width - 2);
      return [chalk.dim('▾ thinking'), ...text.map((line) => chalk.dim.italic(`  ${line}`))];
    }
    case 'redacted_thinking':
      return styled('▸ redacted thinking (encrypted, sent back as is)', width, chalk.dim);
    case 'tool_use':
    case 'server_tool_use':
    case 'mcp_tool_use': {
      const head = styled(`⚙ ${block.type} ${neutralize(block.name ?? '')}`, width, chalk.yellow);
      const query = finished ? searchQuery(block.text) : undefined;
      // Input JSON streams like text, and may be as long: it wraps as it grows.
      const input = !block.text
        ? ['{}']
        : query !== undefined
          ? wrap(neutralize(`query: ${query}`), width - 2)
          : finished
            ? wrap(neutralize(block.text), width - 2)
            : wrapGrowing(block, width - 2);
      const json = input.map((line) => `  ${chalk.yellow.dim(line)}`);
      return [...head, ...(block.text || block.done ? json : [])];
    }
    default: {
      const note = block.type.endsWith('_result') ? '' : ' (kept as it came)';
      return styled(`◆ ${neutralize(block.type)}${note}`, width, chalk.blue);
    }
  }
}

/** Wraps one of our own lines to the width, then styles each piece. */
function styled(text: string, width: number, style: (line: string) => string): string[] {
  // Chalk joins every argument it gets: pass the line alone, not map's index and array.
  return wrap(text, width).map((line) => style(line));
}

/**
 * The blocks of a finished reply as laid out. The API ends a cited span where the citation
 * ends, so the sentence's "." opens the next text block; a cited block takes that punctuation,
 * and its sources follow the sentence instead of a lone "." under them.
 */
export function withSentenceEnds(blocks: readonly CellBlock[]): readonly CellBlock[] {
  const out = [...blocks];
  const emptied = new Set<number>();
  for (let i = 0; i + 1 < out.length; i++) {
    const block = out[i] as CellBlock;
    const next = out[i + 1] as CellBlock;
    if (block.type !== 'text' || next.type !== 'text' || block.citations.length === 0) continue;
    const end = /^[.,;:!?)\]]+/.exec(next.text)?.[0];
    if (!end) continue;
    out[i] = { ...block, text: block.text + end };
    out[i + 1] = { ...next, text: next.text.slice(end.length).trimStart() };
    if (out[i + 1]?.text === '' && next.citations.length === 0) emptied.add(i + 1);
  }
  return out.filter((_, i) => !emptied.has(i));
}

/** A search tool's query (`{"query": "…"}`), shown as text rather than as its JSON. */
function searchQuery(input: string): string | undefined {
  if (!input.includes('"query"')) return undefined;
  try {
    const json: unknown = JSON.parse(input);
    const query = (json as { query?: unknown } | null)?.query;
    return typeof query === 'string' && Object.keys(json as object).length === 1 ? query : undefined;
  } catch {
    return undefined;
  }
}

function citationLines(block: CellBlock, width: number): string[] {
  return block.citations.flatMap((citation, i) => {
    const c = citation as { title?: string; document_title?: string; url?: string; cited_text?: string };
    const source = [c.title ?? c.document_title ?? 'source', c.url].filter(Boolean).join(' — ');
    return wrap(linkUrls(neutralize(`[${i + 1}] ${source}`)), width).map((line) => chalk.blue(line));
  });
}
