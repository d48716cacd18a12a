export const MIN_COLUMNS = 40;
export const MIN_ROWS = 12;
/** Below this width the timeline stacks under the conversation instead of beside it. */
export const SIDE_BY_SIDE_COLUMNS = 100;
export const MAX_INPUT_LINES = 6;

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
    };

export function screenLayout(input: {
  columns: number;
  rows: number;
  timeline: boolean;
  promptLines: number;
  toast: boolean;
}): ScreenLayout {
  const { columns, rows } = input;
  if (columns < MIN_COLUMNS || rows < MIN_ROWS) return { kind: 'too-small', columns, rows };
  const height = rows - 1;
  const inputLines = Math.min(MAX_INPUT_LINES, Math.max(1, input.promptLines));
  // separator above the prompt, the prompt, the status line, and the toast when there is one
  const main = Math.max(3, height - inputLines - 2 - (input.toast ? 1 : 0));
  if (!input.timeline) {
    return {
      kind: 'notebook',
      height,
      width: columns,
      conversation: { width: columns, height: main },
      timeline: null,
      stacked: false,
      inputLines,
    };
  }
  if (columns >= SIDE_BY_SIDE_COLUMNS) {
    const timelineWidth = Math.min(72, Math.max(44, Math.floor(columns * 0.42)));
    return {
      kind: 'notebook',
      height,
      width: columns,
      conversation: { width: columns - timelineWidth - 1, height: main },
      timeline: { width: timelineWidth, height: main },
      stacked: false,
      inputLines,
    };
  }
  const conversationHeight = Math.max(2, Math.ceil(main * 0.55));
  return {
    kind: 'notebook',
    height,
    width: columns,
    conversation: { width: columns, height: conversationHeight },
    timeline: { width: columns, height: Math.max(1, main - conversationHeight - 1) },
    stacked: true,
    inputLines,
  };
}
