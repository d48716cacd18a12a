import type { MessageParam, TurnSettings } from '../engine/types.js';
import type { Cell } from './cell.js';

export type Focus = 'prompt' | 'conversation' | 'timeline';

export interface TimelineView {
  hidePings: boolean;
  /** Fold each run of consecutive deltas of one block into a single row with a count. */
  foldDeltas: boolean;
  /** The selected row, counted from the top of the filtered rows; null follows the tail. */
  cursor: number | null;
  /** The `seq` of the event whose full JSON is open, if any. */
  detail: number | null;
  detailScroll: number;
}

export interface Toast {
  id: number;
  text: string;
  tone: 'info' | 'success' | 'warning' | 'error';
}

export interface SessionState {
  cells: Cell[];
  /** What the next request sends before the new prompt. */
  history: MessageParam[];
  settings: TurnSettings;
  /** The offline scenario for the next turns; null when answers are live. */
  scenario: string | null;
  source: { offline: boolean; describe: string };
  view: {
    /** Whether the timeline pane is on screen (Ctrl+T, /timeline). */
    timelineShown: boolean;
    focus: Focus;
    /** The selected cell's id; null means the newest. */
    selected: number | null;
    rawText: boolean;
    thinkingHidden: boolean;
    help: boolean;
    helpScroll: number;
    /** Conversation lines scrolled up from the bottom. */
    scroll: number;
  };
  timeline: TimelineView;
  toast: Toast | null;
  /** Earlier prompts, oldest first, for Up/Down recall. */
  promptHistory: string[];
  /** The key that asked to quit (Ctrl+C, Ctrl+D, or Enter on /quit): pressed again, it quits. */
  quitArmed: string | null;
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
): SessionState {
  return {
    cells: [],
    history: [],
    settings,
    scenario,
    source,
    view: {
      timelineShown: true,
      focus: 'prompt',
      selected: null,
      rawText: false,
      thinkingHidden: false,
      help: false,
      helpScroll: 0,
      scroll: 0,
    },
    timeline: { hidePings: false, foldDeltas: false, cursor: null, detail: null, detailScroll: 0 },
    toast: null,
    promptHistory: [],
    quitArmed: null,
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
