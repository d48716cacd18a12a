import type { HttpAttempt, TurnUpdate, WireEvent } from '../engine/types.js';
import type { Cell, CellBlock } from './cell.js';
import { flatString } from './flat-string.js';

/**
 * A cell being changed: copied on its first change, and each block on its own first change.
 * What the cell's versions share (the event list, the text pieces) changes only in `done`, so
 * an update that throws part-way through a run leaves them as they were, and the run can be
 * taken again an update at a time.
 */
export class CellDraft {
  readonly #base: Cell;
  #cell: Cell;
  #copied = false;
  #blocksCopied = false;
  readonly #ownBlocks = new Set<CellBlock>();
  readonly #events: WireEvent[] = [];
  /** Pieces in order: a block started with its first text, or text added to one. */
  readonly #pieces: Array<[index: number, text: string, started: boolean]> = [];
  #ended = false;

  constructor(cell: Cell) {
    this.#base = cell;
    this.#cell = cell;
  }

  /** The changed cell; the shared lists take its changes now. */
  done(): Cell {
    for (const event of this.#events) this.#base.events.push(event);
    for (const [index, text, started] of this.#pieces) {
      if (started) piecesOf(this.#base).set(index, [text]);
      else piecesOf(this.#base).get(index)?.push(text);
    }
    if (this.#ended) pieces.delete(this.#base.events);
    return this.#cell;
  }

  apply(update: TurnUpdate): void {
    switch (update.type) {
      case 'request':
        return;
      case 'attempt': {
        const cell = this.#change();
        cell.attempts = upsertAttempt(cell.attempts, update.attempt);
        cell.retryWait = undefined;
        return;
      }
      case 'response': {
        const cell = this.#change();
        cell.attempts = upsertAttempt(cell.attempts, update.attempt);
        return;
      }
      case 'retry_wait':
        this.#change().retryWait = update.wait;
        return;
      case 'wire': {
        const cell = this.#change();
        this.#events.push(update.event);
        cell.eventCount = cell.events.length + this.#events.length;
        return;
      }
      case 'block_start': {
        const block = startBlock(update.index, update.block);
        this.#pieces.push([update.index, block.text, true]);
        const cell = this.#change();
        cell.blocks = withBlock(cell.blocks, block);
        this.#blocksCopied = true;
        this.#ownBlocks.add(block);
        return;
      }
      case 'text':
      case 'thinking':
        this.#appendText(update.index, update.text);
        return;
      case 'input_json':
        this.#appendText(update.index, update.partialJson);
        return;
      case 'citation': {
        const block = this.#block(update.index);
        if (block) block.citations = [...block.citations, update.citation];
        return;
      }
      case 'block_stop': {
        const block = this.#block(update.index);
        if (block) block.done = true;
        return;
      }
      case 'end': {
        const { outcome } = update;
        // The reply is whole: its pieces were for views of it as it grew, and its text is kept
        // as one string rather than a tree of them.
        this.#ended = true;
        for (const block of this.#cell.blocks) flatString(block.text);
        Object.assign(this.#change(), {
          status: outcome.status,
          message: outcome.message,
          metrics: outcome.metrics,
          error: outcome.error ?? null,
          retryWait: undefined,
        });
        return;
      }
      default:
        unreachable(update);
    }
  }

  /** The cell to change, copied the first time; each change is a version. */
  #change(): Cell {
    if (!this.#copied) {
      this.#cell = { ...this.#cell };
      this.#copied = true;
    }
    this.#cell.version += 1;
    return this.#cell;
  }

  /** The block to change, copied the first time; none when the turn never started it. */
  #block(index: number): CellBlock | undefined {
    const at = this.#cell.blocks.findIndex((block) => block.index === index);
    if (at === -1) return undefined;
    const cell = this.#change();
    if (!this.#blocksCopied) {
      cell.blocks = [...cell.blocks];
      this.#blocksCopied = true;
    }
    let block = cell.blocks[at] as CellBlock;
    if (!this.#ownBlocks.has(block)) {
      block = { ...block };
      cell.blocks[at] = block;
      this.#ownBlocks.add(block);
    }
    return block;
  }

  #appendText(index: number, text: string): void {
    const block = this.#block(index);
    if (!block) return;
    this.#pieces.push([index, text, false]);
    block.text += text;
  }
}

function unreachable(update: never): never {
  throw new Error(`unknown update ${JSON.stringify(update)}`);
}

function startBlock(index: number, block: { type: string } & Record<string, unknown>): CellBlock {
  const initial =
    typeof block.text === 'string' ? block.text : typeof block.thinking === 'string' ? block.thinking : '';
  const started: CellBlock = { index, type: block.type, text: initial, citations: [], done: false };
  if (typeof block.name === 'string') started.name = block.name;
  return started;
}

/**
 * Per cell (keyed by its shared event list) and block index, the pieces its text grew by, in
 * order. Kept beside the cell, not in it, so that saved cells and their JSON do not change.
 */
const pieces = new WeakMap<WireEvent[], Map<number, string[]>>();

function piecesOf(cell: Cell): Map<number, string[]> {
  let blocks = pieces.get(cell.events);
  if (!blocks) {
    blocks = new Map();
    pieces.set(cell.events, blocks);
  }
  return blocks;
}

/**
 * The pieces a streaming block's text is the join of, for a view that reads only what is new:
 * `block.text` is built by `+`, and reading any part of it copies all of it. Append-only and
 * shared by the cell's versions, like `events`; a block started again gets a new array.
 */
export function textPieces(cell: Cell, block: CellBlock): readonly string[] {
  return pieces.get(cell.events)?.get(block.index) ?? [block.text];
}

function withBlock(blocks: CellBlock[], block: CellBlock): CellBlock[] {
  return [...blocks.filter((b) => b.index !== block.index), block].sort((a, b) => a.index - b.index);
}

function upsertAttempt(attempts: HttpAttempt[], attempt: HttpAttempt): HttpAttempt[] {
  return [...attempts.filter((a) => a.attempt !== attempt.attempt), attempt];
}
