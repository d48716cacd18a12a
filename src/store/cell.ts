import type {
  HttpAttempt,
  Message,
  RetryWait,
  TurnError,
  TurnMetrics,
  TurnSettings,
  TurnUpdate,
  WireEvent,
} from '../engine/types.js';
import { flatString } from './flat-string.js';

export type CellStatus = 'streaming' | 'complete' | 'interrupted' | 'failed';

/** One content block as the reply shows it while it grows. */
export interface CellBlock {
  index: number;
  type: string;
  /** Text for text blocks, thinking for thinking blocks, the input JSON for tool blocks. */
  text: string;
  /** The block's name, for tool blocks. */
  name?: string;
  citations: unknown[];
  done: boolean;
}

/**
 * One notebook cell: a prompt and everything its turn produced. Plain serializable data, so
 * it can be saved and exported. `events` is append-only and shared between versions of the
 * cell (copying it per event would cost O(n²)); `eventCount` says how much of it a version
 * has seen.
 */
export interface Cell {
  id: number;
  prompt: string;
  settings: TurnSettings;
  /** The offline scenario that answered, when answers were simulated. */
  scenario: string | null;
  status: CellStatus;
  blocks: CellBlock[];
  events: WireEvent[];
  eventCount: number;
  attempts: HttpAttempt[];
  message: Message | null;
  metrics: TurnMetrics | null;
  error: TurnError | null;
  /** The id of the cell that /retry sent in this one's place; it left the history. */
  replacedBy: number | null;
  /** The wait before the next attempt, while the SDK sits it out (for the status line's countdown). */
  retryWait?: RetryWait | undefined;
  /** Bumped on every change, so views and caches can tell versions apart cheaply. */
  version: number;
}

export function newCell(id: number, prompt: string, settings: TurnSettings, scenario: string | null): Cell {
  return {
    id,
    prompt,
    settings,
    scenario,
    status: 'streaming',
    blocks: [],
    events: [],
    eventCount: 0,
    attempts: [],
    message: null,
    metrics: null,
    error: null,
    replacedBy: null,
    version: 0,
  };
}

/** The cell after one update of its turn. Pure but for the append-only event list. */
export function applyUpdate(cell: Cell, update: TurnUpdate): Cell {
  switch (update.type) {
    case 'request':
      return cell;
    case 'attempt':
      return bump(cell, { attempts: upsertAttempt(cell.attempts, update.attempt), retryWait: undefined });
    case 'response':
      return bump(cell, { attempts: upsertAttempt(cell.attempts, update.attempt) });
    case 'retry_wait':
      return bump(cell, { retryWait: update.wait });
    case 'wire':
      cell.events.push(update.event);
      return bump(cell, { eventCount: cell.events.length });
    case 'block_start': {
      const block = startBlock(update.index, update.block);
      piecesOf(cell).set(update.index, [block.text]);
      return bump(cell, { blocks: withBlock(cell.blocks, block) });
    }
    case 'text':
    case 'thinking':
      return appendText(cell, update.index, update.text);
    case 'input_json':
      return appendText(cell, update.index, update.partialJson);
    case 'citation':
      return editBlock(cell, update.index, (block) => ({
        ...block,
        citations: [...block.citations, update.citation],
      }));
    case 'block_stop':
      return editBlock(cell, update.index, (block) => ({ ...block, done: true }));
    case 'end': {
      const { outcome } = update;
      // The reply is whole: its pieces were for views of it as it grew, and its text is kept
      // as one string rather than a tree of them.
      pieces.delete(cell.events);
      for (const block of cell.blocks) flatString(block.text);
      return bump(cell, {
        status: outcome.status,
        message: outcome.message,
        metrics: outcome.metrics,
        error: outcome.error ?? null,
        retryWait: undefined,
      });
    }
    default:
      return unreachable(update);
  }
}

function unreachable(update: never): Cell {
  throw new Error(`unknown update ${JSON.stringify(update)}`);
}

function bump(cell: Cell, changes: Partial<Cell>): Cell {
  return { ...cell, ...changes, version: cell.version + 1 };
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

function appendText(cell: Cell, index: number, text: string): Cell {
  piecesOf(cell).get(index)?.push(text);
  return editBlock(cell, index, (block) => ({ ...block, text: block.text + text }));
}

function editBlock(cell: Cell, index: number, edit: (block: CellBlock) => CellBlock): Cell {
  const at = cell.blocks.findIndex((block) => block.index === index);
  if (at === -1) return cell;
  const blocks = [...cell.blocks];
  blocks[at] = edit(blocks[at] as CellBlock);
  return bump(cell, { blocks });
}

function withBlock(blocks: CellBlock[], block: CellBlock): CellBlock[] {
  return [...blocks.filter((b) => b.index !== block.index), block].sort((a, b) => a.index - b.index);
}

function upsertAttempt(attempts: HttpAttempt[], attempt: HttpAttempt): HttpAttempt[] {
  return [...attempts.filter((a) => a.attempt !== attempt.attempt), attempt];
}
