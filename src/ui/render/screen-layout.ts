export const MIN_COLUMNS = 40;
export const MIN_ROWS = 12;
/** Below this width the timeline stacks under the conversation instead of beside it. */
export const SIDE_BY_SIDE_COLUMNS = 100;
export const MAX_INPUT_LINES = 6;
export const MAX_TOAST_LINES = 2;

export interface PaneSize {
  width: number;
  height: number;
}

export type ScreenLayout =
  | { kind: 'too-small'; columns: number; rows: number }
  | {
      kind: 'notebook';
      /** Always one row shorter than the terminal: Ink repaints the whole screen for a frame that fills it. */
      height: number;
      width: number;
      conversation: PaneSize;
      timeline: PaneSize | null;
      stacked: boolean;
      inputLines: number;
      toastLines: number;
    };

/**
 * Where everything goes for a terminal size. The rows always add up to one less than the
 * terminal's: the separator, the prompt, the toast and the status line take theirs first,
 * and the panes keep at least what they need to show a line each (the prompt gives way).
 */
export function screenLayout(input: {
  columns: number;
  rows: number;
  /** Whether the timeline pane is on screen (Ctrl+T, /timeline). */
  timelineShown: boolean;
  promptLines: number;
  toastLines: number;
}): ScreenLayout {
  const { columns, rows } = input;
  if (columns < MIN_COLUMNS || rows < MIN_ROWS) return { kind: 'too-small', columns, rows };
  const height = rows - 1;
  const stacked = input.timelineShown && columns < SIDE_BY_SIDE_COLUMNS;
  // A stacked layout needs a line of conversation, a separator and a line of timeline.
  const minMain = stacked ? 3 : 1;
  const toastLines = Math.min(MAX_TOAST_LINES, Math.max(0, input.toastLines));
  const fixed = 2 + toastLines; // the separator above the prompt, and the status line
  const inputLines = Math.max(1, Math.min(MAX_INPUT_LINES, input.promptLines, height - fixed - minMain));
  const main = height - fixed - inputLines;
  const base = { kind: 'notebook' as const, height, width: columns, inputLines, toastLines };
  if (!input.timelineShown) {
    return { ...base, conversation: { width: columns, height: main }, timeline: null, stacked: false };
  }
  if (!stacked) {
    const timelineWidth = Math.min(72, Math.max(44, Math.floor(columns * 0.42)));
    return {
      ...base,
      conversation: { width: columns - timelineWidth - 1, height: main },
      timeline: { width: timelineWidth, height: main },
      stacked: false,
    };
  }
  const conversationHeight = Math.max(1, Math.min(main - 2, Math.ceil(main * 0.55)));
  return {
    ...base,
    conversation: { width: columns, height: conversationHeight },
    timeline: { width: columns, height: main - conversationHeight - 1 },
    stacked: true,
  };
}

/** The whole area above the prompt, panes and their separator together (help takes it all). */
export function mainArea(layout: Extract<ScreenLayout, { kind: 'notebook' }>): PaneSize {
  const height = layout.stacked
    ? layout.conversation.height + 1 + (layout.timeline?.height ?? 0)
    : layout.conversation.height;
  return { width: layout.width, height };
}
