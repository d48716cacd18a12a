/** The prompt being typed: its text and where the cursor is, as a string offset. */
export interface PromptEditor {
  value: string;
  cursor: number;
  /** While recalling earlier prompts: which one (index into the history) and the draft it replaced. */
  recall: { index: number; draft: string } | null;
}

export const EMPTY_PROMPT: PromptEditor = { value: '', cursor: 0, recall: null };

export type PromptEdit =
  | { type: 'insert'; text: string }
  | { type: 'backspace' }
  | { type: 'delete' }
  | { type: 'left' }
  | { type: 'right' }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'word-left' }
  | { type: 'word-right' }
  /** Ctrl+U: from the start of the cursor's line to the cursor. */
  | { type: 'clear-line' }
  /** Ctrl+K: from the cursor to the end of its line. */
  | { type: 'clear-to-end' }
  | { type: 'delete-word' }
  /** Ctrl+C: an empty prompt, with what it held kept as the draft that ↓ brings back. */
  | { type: 'discard'; history: readonly string[] }
  | { type: 'up'; history: readonly string[] }
  | { type: 'down'; history: readonly string[] }
  | { type: 'set'; value: string };

/** The editor after one edit. Up and Down move between lines, and past the edges recall history. */
export function editPrompt(state: PromptEditor, edit: PromptEdit): PromptEditor {
  const { value, cursor } = state;
  switch (edit.type) {
    case 'insert': {
      const text = edit.text.replace(/\r\n?/g, '\n');
      return {
        value: value.slice(0, cursor) + text + value.slice(cursor),
        cursor: cursor + text.length,
        recall: null,
      };
    }
    case 'backspace':
      return cursor === 0
        ? state
        : { ...state, value: value.slice(0, cursor - 1) + value.slice(cursor), cursor: cursor - 1 };
    case 'delete':
      return cursor === value.length
        ? state
        : { ...state, value: value.slice(0, cursor) + value.slice(cursor + 1) };
    case 'left':
      return { ...state, cursor: Math.max(0, cursor - 1) };
    case 'right':
      return { ...state, cursor: Math.min(value.length, cursor + 1) };
    case 'home':
      return { ...state, cursor: value.lastIndexOf('\n', cursor - 1) + 1 };
    case 'end': {
      const next = value.indexOf('\n', cursor);
      return { ...state, cursor: next === -1 ? value.length : next };
    }
    case 'clear-line': {
      const start = value.lastIndexOf('\n', cursor - 1) + 1;
      return { ...state, value: value.slice(0, start) + value.slice(cursor), cursor: start };
    }
    case 'word-left':
      return { ...state, cursor: value.slice(0, cursor).replace(/\w+\W*$|\W+$/, '').length };
    case 'word-right': {
      const after = /^\W*\w+|^\W+/.exec(value.slice(cursor));
      return { ...state, cursor: cursor + (after?.[0].length ?? 0) };
    }
    case 'clear-to-end': {
      const next = value.indexOf('\n', cursor);
      const end = next === -1 ? value.length : next;
      return { ...state, value: value.slice(0, cursor) + value.slice(end) };
    }
    case 'discard':
      return value === ''
        ? state
        : { value: '', cursor: 0, recall: { index: edit.history.length, draft: value } };
    case 'delete-word': {
      const before = value.slice(0, cursor).replace(/\S+\s*$|\s+$/, '');
      return { ...state, value: before + value.slice(cursor), cursor: before.length };
    }
    case 'up': {
      const lineStart = value.lastIndexOf('\n', cursor - 1) + 1;
      if (lineStart > 0) return moveVertically(state, -1);
      const index = (state.recall?.index ?? edit.history.length) - 1;
      if (index < 0) return state;
      const recalled = edit.history[index] ?? '';
      return {
        value: recalled,
        cursor: recalled.length,
        recall: { index, draft: state.recall?.draft ?? value },
      };
    }
    case 'down': {
      if (value.indexOf('\n', cursor) !== -1) return moveVertically(state, 1);
      if (!state.recall) return state;
      const index = state.recall.index + 1;
      if (index >= edit.history.length) {
        return { value: state.recall.draft, cursor: state.recall.draft.length, recall: null };
      }
      const recalled = edit.history[index] ?? '';
      return { value: recalled, cursor: recalled.length, recall: { ...state.recall, index } };
    }
    case 'set':
      return { value: edit.value, cursor: edit.value.length, recall: null };
    default:
      return unreachable(edit);
  }
}

function unreachable(edit: never): PromptEditor {
  throw new Error(`unknown edit ${JSON.stringify(edit)}`);
}

function moveVertically(state: PromptEditor, direction: -1 | 1): PromptEditor {
  const { value, cursor } = state;
  const lineStart = value.lastIndexOf('\n', cursor - 1) + 1;
  const column = cursor - lineStart;
  if (direction === -1) {
    const prevStart = value.lastIndexOf('\n', lineStart - 2) + 1;
    return { ...state, cursor: Math.min(prevStart + column, lineStart - 1) };
  }
  const nextStart = value.indexOf('\n', cursor) + 1;
  const nextEnd = value.indexOf('\n', nextStart);
  return { ...state, cursor: Math.min(nextStart + column, nextEnd === -1 ? value.length : nextEnd) };
}

/**
 * How many lines the prompt has, counting no further than `atMost`: the layout asks on every
 * frame, and a pasted megabyte must not be scanned each time.
 */
export function promptLineCount(value: string, atMost: number): number {
  let lines = 1;
  for (let at = value.indexOf('\n'); at !== -1 && lines < atMost; at = value.indexOf('\n', at + 1)) lines++;
  return lines;
}

/**
 * The lines in view for a window of `height` rows: the cursor's line at the bottom, with the
 * lines above it, or from the top when there are too few. Only those lines are looked at.
 */
export function linesAroundCursor(
  { value, cursor }: PromptEditor,
  height: number,
): { lines: string[]; fromTop: boolean; cursorLine: number; cursorColumn: number } {
  const starts = [value.lastIndexOf('\n', cursor - 1) + 1];
  while (starts.length < height && (starts[0] ?? 0) > 0)
    starts.unshift(value.lastIndexOf('\n', (starts[0] ?? 0) - 2) + 1);
  const cursorLine = starts.length - 1;
  const cursorColumn = cursor - (starts[cursorLine] ?? 0);
  for (let next = value.indexOf('\n', cursor); starts.length < height && next !== -1; ) {
    starts.push(next + 1);
    next = value.indexOf('\n', next + 1);
  }
  const lines = starts.map((start) => {
    const end = value.indexOf('\n', start);
    return value.slice(start, end === -1 ? undefined : end);
  });
  return { lines, fromTop: starts[0] === 0, cursorLine, cursorColumn };
}
