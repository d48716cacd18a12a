import { stripVTControlCharacters } from 'node:util';
import chalk from 'chalk';
import type { Hide } from '../../engine/shown-key.js';
import { type Cell, type CellBlock, textPieces } from '../../store/cell.js';
import { neutralize } from '../../terminal/neutralize.js';
import { blockLines, type WrapGrowing, withSentenceEnds } from './block-lines.js';
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
  /** Laid out as it streamed: its text as it grew, wrapped without Markdown. */
  grown: boolean;
  /** Laid out while it streamed. */
  streaming: boolean;
}

/**
 * The terminal lines of each cell, cached so that a delta costs the lines of the cell it
 * touched and nothing else: finished cells are laid out once per width, and a streaming
 * text block wraps only what it added. Keyed by the cell's event list, which is created
 * once per cell and shared by all its versions, so ids reused after /clear never collide.
 *
 * With `settleLater`, the frame that shows a reply end (or its interrupt) draws the text as it
 * streamed, with the cell's finished status: laying the whole reply out again, with its
 * Markdown, held that frame, and the reply's last words with it, 30 ms for a short reply and
 * more for a long one. The view asks for the full layout a turn of the event loop later
 * (`settle`); `unsettled` says whether one is waiting.
 */
export class CellLineCache {
  readonly #done = new WeakMap<object, Cached>();
  readonly #growing = new WeakMap<object, Map<string, GrowingWrap>>();
  readonly #prompts = new WeakMap<object, { key: string; lines: string[] }>();
  readonly #hide: Hide | null;
  readonly #settleLater: boolean;
  /** Finished cells shown as they streamed, until `settle`. */
  readonly #unsettled = new Set<object>();

  /** `hide` takes the key out of a finished cell's rendered lines (see engine/shown-key.ts). */
  constructor(hide: Hide | null = null, { settleLater = false }: { settleLater?: boolean } = {}) {
    this.#hide = hide;
    this.#settleLater = settleLater;
  }

  get unsettled(): boolean {
    return this.#unsettled.size > 0;
  }

  /** The finished cells shown as they streamed are laid out whole from their next frame. */
  settle(): void {
    this.#unsettled.clear();
  }

  lines(cell: Cell, options: CellLineOptions): string[] {
    // Whether Markdown has loaded is part of the key: cells laid out as plain text before it
    // arrived are laid out again once.
    const key = `${options.width}:${options.rawText}:${options.thinkingHidden}:${options.selected}:${markdownRenderer() !== null}`;
    const cached = this.#done.get(cell.events);
    const streaming = cell.status === 'streaming';
    const waiting = this.#unsettled.has(cell.events);
    if (
      cached &&
      cached.version === cell.version &&
      cached.key === key &&
      (!cached.grown || streaming || waiting)
    )
      return cached.lines;
    // Just ended, and its wraps as it grew are those of this layout: it is shown as it was.
    const grown = streaming || (this.#settleLater && cached?.streaming === true && cached.key === key);
    if (grown && !streaming) this.#unsettled.add(cell.events);
    // A finished cell is laid out whole; the wraps of its text as it grew are not needed again.
    if (!grown) {
      this.#growing.delete(cell.events);
      this.#unsettled.delete(cell.events);
    }
    const laidOut = layoutCell(cell, options, grown, {
      prompt: () => this.promptLines(cell, options),
      growing: (block, width) => this.#wrapGrowing(cell, block, width),
      // A finished cell's status may say why it failed in words no redactor saw; the whole
      // layout is checked below, the one as it streamed has only these lines checked.
      status: (lines) => (this.#hide && grown && !streaming ? hideInLines(lines, this.#hide) : lines),
    });
    // Once per finished layout, not per frame: the lines of text as it streamed are not
    // checked (the engine took the key out of each delta; a renderer can't put one together).
    const lines = this.#hide && !grown ? hideInLines(laidOut, this.#hide) : laidOut;
    this.#done.set(cell.events, { version: cell.version, key, lines, grown, streaming });
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
    // Once the reply has ended its pieces are gone, and its one text goes on from them.
    return growing.lines(cell.status === 'streaming' ? textPieces(cell, block) : block.text);
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

interface Layouts {
  prompt: () => string[];
  growing: WrapGrowing;
  status: (lines: string[]) => string[];
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

/** The cell's lines; `grown`: its blocks as they streamed (see CellLineCache). */
function layoutCell(cell: Cell, options: CellLineOptions, grown: boolean, layouts: Layouts): string[] {
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
  const blocks = grown ? cell.blocks : withSentenceEnds(cell.blocks);
  for (const block of blocks)
    for (const line of blockLines(block, options, bodyWidth, layouts.growing, !grown)) body.push(line);
  if (streaming) {
    if (body.length === 0)
      body.push(
        chalk.dim(cell.attempts.length > 1 ? `retrying (attempt ${cell.attempts.length})…` : 'waiting…'),
      );
    // Without colour an inverse space is invisible; the bar shows in every terminal.
    body[body.length - 1] = `${body.at(-1)}${chalk.level > 0 ? chalk.inverse(' ') : CURSOR}`;
  }
  body.push(...layouts.status(statusLines(cell, bodyWidth)));
  const outStyled = chalk.magenta.bold(outLabel);
  body.forEach((line, i) => {
    lines.push(`${i === 0 ? outStyled + ' '.repeat(indent - outLabel.length) : pad}${line}`);
  });
  lines.push('');
  return lines;
}
