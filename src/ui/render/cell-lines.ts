import { stripVTControlCharacters } from 'node:util';
import chalk from 'chalk';
import type { Hide } from '../../engine/shown-key.js';
import { type Cell, type CellBlock, textPieces } from '../../store/cell.js';
import { neutralize } from '../../terminal/neutralize.js';
import { linkUrls } from '../../terminal/osc8.js';
import { statusLines } from './cell-status.js';
import { markdownRenderer } from './markdown-loader.js';
import { GrowingWrap, wrap } from './wrap.js';

export interface CellLineOptions {
  width: number;
  rawText: boolean;
  thinkingHidden: boolean;
  /** Marks the cell as the selection (when the conversation pane has focus). */
  selected: boolean;
}

export const CURSOR = '▍';

interface Cached {
  version: number;
  key: string;
  lines: string[];
}

/**
 * The terminal lines of each cell, cached so that a delta costs the lines of the cell it
 * touched and nothing else: finished cells are laid out once per width, and a streaming
 * text block wraps only what it added. Keyed by the cell's event list, which is created
 * once per cell and shared by all its versions, so ids reused after /clear never collide.
 */
export class CellLineCache {
  readonly #done = new WeakMap<object, Cached>();
  readonly #growing = new WeakMap<object, Map<string, GrowingWrap>>();
  readonly #prompts = new WeakMap<object, { key: string; lines: string[] }>();
  readonly #hide: Hide | null;

  /** `hide` takes the key out of a finished cell's rendered lines (see engine/shown-key.ts). */
  constructor(hide: Hide | null = null) {
    this.#hide = hide;
  }

  lines(cell: Cell, options: CellLineOptions): string[] {
    // Whether Markdown has loaded is part of the key: cells laid out as plain text before it
    // arrived are laid out again once.
    const key = `${options.width}:${options.rawText}:${options.thinkingHidden}:${options.selected}:${markdownRenderer() !== null}`;
    const cached = this.#done.get(cell.events);
    if (cached && cached.version === cell.version && cached.key === key) return cached.lines;
    // A finished cell is laid out whole; the wraps of its text as it grew are not needed again.
    if (cell.status !== 'streaming') this.#growing.delete(cell.events);
    const laidOut = layoutCell(cell, options, {
      prompt: () => this.promptLines(cell, options),
      growing: (block, width) => this.#wrapGrowing(cell, block, width),
    });
    // Once per finished layout, not per frame: a streaming cell's lines are not checked.
    const lines = this.#hide && cell.status !== 'streaming' ? hideInLines(laidOut, this.#hide) : laidOut;
    this.#done.set(cell.events, { version: cell.version, key, lines });
    return lines;
  }

  /**
   * The prompt's labelled lines. A prompt never changes, so they are laid out once per width
   * and selection, not per version: a 1 MiB prompt cost 30–800 ms on every frame of its reply.
   */
  promptLines(cell: Cell, options: CellLineOptions): string[] {
    const key = `${options.width}:${options.selected}:${chalk.level}`;
    const cached = this.#prompts.get(cell.events);
    if (cached?.key === key) return cached.lines;
    const lines = layoutPrompt(cell, options);
    this.#prompts.set(cell.events, { key, lines });
    return lines;
  }

  #wrapGrowing(cell: Cell, block: CellBlock, width: number): string[] {
    let wraps = this.#growing.get(cell.events);
    if (!wraps) {
      wraps = new Map();
      this.#growing.set(cell.events, wraps);
    }
    const id = `${block.index}:${width}`;
    let growing = wraps.get(id);
    if (!growing) {
      growing = new GrowingWrap(width);
      wraps.set(id, growing);
    }
    return growing.lines(textPieces(cell, block));
  }
}

/** Each line with the key hidden in what it shows; a line it shows in loses its style. */
function hideInLines(lines: string[], hide: Hide): string[] {
  return lines.map((line) => {
    const shown = stripVTControlCharacters(line);
    const hidden = hide(shown);
    return hidden === shown ? line : hidden;
  });
}

type WrapGrowing = (block: CellBlock, width: number) => string[];

interface Layouts {
  prompt: () => string[];
  growing: WrapGrowing;
}

/** The label column: wide enough for both labels and a space. */
function labelIndent(cell: Cell): number {
  return `Out[${cell.id}]:`.length + 1;
}

function layoutPrompt(cell: Cell, options: CellLineOptions): string[] {
  const inLabel = `In [${cell.id}]:`;
  const indent = labelIndent(cell);
  const pad = ' '.repeat(indent);
  const inStyled = options.selected ? chalk.inverse.cyan.bold(inLabel) : chalk.cyan.bold(inLabel);
  return wrap(neutralize(cell.prompt), Math.max(10, options.width - indent)).map(
    (line, i) => `${i === 0 ? inStyled + ' '.repeat(indent - inLabel.length) : pad}${line}`,
  );
}

function layoutCell(cell: Cell, options: CellLineOptions, layouts: Layouts): string[] {
  const outLabel = `Out[${cell.id}]:`;
  const indent = labelIndent(cell);
  const bodyWidth = Math.max(10, options.width - indent);
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  // A loop, not a spread: a long prompt has more rows than a call may take arguments.
  for (const line of layouts.prompt()) lines.push(line);

  const body: string[] = [];
  const streaming = cell.status === 'streaming';
  // A loop, not a spread: a long reply has more rows than a call may take arguments.
  const blocks = streaming ? cell.blocks : withSentenceEnds(cell.blocks);
  for (const block of blocks)
    for (const line of blockLines(block, cell, options, bodyWidth, layouts.growing)) body.push(line);
  if (streaming) {
    if (body.length === 0)
      body.push(
        chalk.dim(cell.attempts.length > 1 ? `retrying (attempt ${cell.attempts.length})…` : 'waiting…'),
      );
    // Without colour an inverse space is invisible; the bar shows in every terminal.
    body[body.length - 1] = `${body.at(-1)}${chalk.level > 0 ? chalk.inverse(' ') : CURSOR}`;
  }
  body.push(...statusLines(cell, bodyWidth));
  const outStyled = chalk.magenta.bold(outLabel);
  body.forEach((line, i) => {
    lines.push(`${i === 0 ? outStyled + ' '.repeat(indent - outLabel.length) : pad}${line}`);
  });
  lines.push('');
  return lines;
}

function blockLines(
  block: CellBlock,
  cell: Cell,
  options: CellLineOptions,
  width: number,
  wrapGrowing: WrapGrowing,
): string[] {
  const finished = cell.status !== 'streaming';
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
function withSentenceEnds(blocks: readonly CellBlock[]): readonly CellBlock[] {
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
