import { DEFAULT_SOURCES, type SettingSources } from '../config/setting-source.js';
import type { MessageParam, TurnSettings } from '../engine/types.js';
import type { SessionSummary } from '../journal/session-list.js';
import type { Cell } from './cell.js';

export type Focus = 'prompt' | 'conversation' | 'timeline';

/** An HTTP row of the timeline: an attempt's request (a retry, after the first) or its response. */
export interface HttpRowRef {
  attempt: number;
  part: 'request' | 'response';
}

/** What the detail view shows: a wire event, by its `seq`, or an HTTP row. */
export type TimelineDetail = number | HttpRowRef;

export interface TimelineView {
  hidePings: boolean;
  /** Fold each run of consecutive deltas of one block into a single row with a count. */
  foldDeltas: boolean;
  /** The selected row, counted from the top of the filtered rows; null follows the tail. */
  cursor: number | null;
  /** The row open in full, if any. */
  detail: TimelineDetail | null;
  detailScroll: number;
}

export interface Toast {
  id: number;
  text: string;
  tone: 'info' | 'success' | 'warning' | 'error';
}

/** Ctrl+R's search through earlier prompts (ui/input/history-search.ts): what is typed, what it found. */
export interface HistorySearch {
  query: string;
  /** The matching prompt, as its index in `promptHistory`; null until one is found. */
  match: number | null;
  /** The last look found nothing (readline's "failed"); the match shown is the one before it. */
  failed: boolean;
}

/** A page of text shown in place of the panes until Esc (what /settings shows). */
export interface TextPage {
  title: string;
  lines: string[];
}

/** The /sessions list while it is open, in place of the panes until Esc or Enter. */
export interface SessionsPage {
  rows: SessionSummary[];
  /** The row Enter opens. */
  cursor: number;
  /** The session being written when the list was made, marked in it. */
  current: string | null;
  /** What the list was filtered by ('' for all). */
  search: string;
}

/** What covers the panes until Esc: the keys and commands (/help), or a page of text (/settings). */
export type Page = 'help' | TextPage;

export interface SessionState {
  cells: Cell[];
  /** What the next request sends before the new prompt. */
  history: MessageParam[];
  settings: TurnSettings;
  /** Where each setting came from: a flag, the environment, .env, the default, or a /command. */
  settingSources: SettingSources;
  /** The offline scenario for the next turns; null when answers are live. */
  scenario: string | null;
  /** Where answers come from; `baseURL` is the live API's (never with the key). */
  source: { offline: boolean; describe: string; baseURL?: string };
  view: {
    /** Whether the timeline pane is on screen (Ctrl+T, /timeline). */
    timelineShown: boolean;
    focus: Focus;
    /** The selected cell's id; null means the newest. */
    selected: number | null;
    rawText: boolean;
    thinkingHidden: boolean;
    /** The page over the panes; null shows the panes. */
    page: Page | null;
    /** Lines the open page is scrolled down, within that page's own length. */
    pageScroll: number;
    /** Conversation lines scrolled up from the bottom. */
    scroll: number;
    /** Mouse capture: the wheel scrolls the pane under it (/mouse, --no-mouse). */
    mouse: boolean;
    /** Ctrl+R's search, while it is open; the prompt keeps what was typed under it. */
    search: HistorySearch | null;
    sessions: SessionsPage | null;
  };
  timeline: TimelineView;
  toast: Toast | null;
  /** The prompts of this run and earlier ones (journal/prompt-history.ts), oldest first, for Up/Down and Ctrl+R. */
  promptHistory: string[];
  /** The key that asked to quit (Ctrl+C, Ctrl+D, or Enter on /quit): pressed again, it quits. */
  quitArmed: string | null;
  /** /edit: the cell whose prompt the input holds; sending it forks at that cell. */
  editing: { cell: number; text: string; id: number } | null;
  tokens: TokenTotals;
}

/** The session's token totals; not exact once a turn ended before its final usage came. */
export interface TokenTotals {
  input: number;
  output: number;
  exact: boolean;
}

export const NO_TOKENS: TokenTotals = { input: 0, output: 0, exact: true };

export function initialState(
  settings: TurnSettings,
  source: SessionState['source'],
  scenario: string | null,
  settingSources: SettingSources = DEFAULT_SOURCES,
): SessionState {
  return {
    cells: [],
    history: [],
    settings,
    settingSources,
    scenario,
    source,
    view: {
      timelineShown: true,
      focus: 'prompt',
      selected: null,
      rawText: false,
      thinkingHidden: false,
      page: null,
      pageScroll: 0,
      scroll: 0,
      mouse: true,
      search: null,
      sessions: null,
    },
    timeline: { hidePings: false, foldDeltas: false, cursor: null, detail: null, detailScroll: 0 },
    toast: null,
    promptHistory: [],
    quitArmed: null,
    editing: null,
    tokens: NO_TOKENS,
  };
}

/** The cell the timeline and /copy act on: the selected one, else the newest. */
export function selectedCell(state: SessionState): Cell | undefined {
  if (state.view.selected !== null) {
    const cell = state.cells.find((c) => c.id === state.view.selected);
    if (cell) return cell;
  }
  return state.cells.at(-1);
}

export function isStreaming(state: SessionState): boolean {
  return state.cells.at(-1)?.status === 'streaming';
}
