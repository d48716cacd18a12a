import chalk from 'chalk';
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { HistorySearch } from '../../store/session-state.js';
import { neutralize } from '../../terminal/neutralize.js';
import { oneLine } from '../../terminal/one-line.js';
import { matchView } from '../input/history-search.js';
import { promptPlaceholder } from '../input/key-hints.js';
import { linesAroundCursor, type PromptEditor } from '../input/prompt-editor.js';

export interface PromptInputProps {
  editor: PromptEditor;
  /** Ctrl+R's search, shown in place of the prompt while it is open, with the prompt it matched. */
  search: { state: HistorySearch; match: string | null } | null;
  focused: boolean;
  streaming: boolean;
  width: number;
  height: number;
}

const PREFIX = '› ';

/**
 * The prompt being typed, with its cursor: the lines around the cursor, and of each only the
 * columns in view. Ink measures every character it is given on every frame, so a 100 KB
 * paste handed over whole would stall each keystroke for seconds.
 */
export const PromptInput = memo(function PromptInput({
  editor,
  search,
  focused,
  streaming,
  width,
  height,
}: PromptInputProps) {
  if (search) {
    return (
      <Box width={width} height={height}>
        <Text wrap="truncate-end">{searchLine(search.state, search.match, width)}</Text>
      </Box>
    );
  }
  const lines = visibleLines(editor, focused, streaming, width - PREFIX.length, height);
  return (
    <Box flexDirection="column" width={width} height={height}>
      {lines.map(({ text, first }, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines are positions
        <Text key={i} wrap="truncate-end" dimColor={!focused}>
          {first ? chalk.bold(PREFIX) : '  '}
          {text}
        </Text>
      ))}
    </Box>
  );
});

function visibleLines(
  editor: PromptEditor,
  focused: boolean,
  streaming: boolean,
  room: number,
  height: number,
): Array<{ text: string; first: boolean }> {
  if (!editor.value) {
    const placeholder = chalk.dim(promptPlaceholder(focused, streaming));
    const hint = focused ? `${chalk.inverse(' ')}${placeholder}` : placeholder;
    return [{ text: hint, first: true }];
  }
  const { lines, fromTop, cursorLine, cursorColumn } = linesAroundCursor(editor, height);
  return lines.map((line, index) => {
    const first = fromTop && index === 0;
    const isCursorLine = focused && index === cursorLine;
    const from = isCursorLine ? Math.max(0, cursorColumn - room + 1) : 0;
    const shown = line.slice(from, from + room).replace(/\t/g, ' ');
    if (!isCursorLine) return { text: visible(shown), first };
    const at = cursorColumn - from;
    const under = shown[at];
    const text = `${visible(shown.slice(0, at))}${chalk.inverse(under === undefined ? ' ' : visible(under))}${visible(shown.slice(at + 1))}`;
    return { text, first };
  });
}

/** readline's search line: (reverse-i-search)`query': and the line of the match that holds it. */
function searchLine({ query, failed }: HistorySearch, match: string | null, width: number): string {
  const label = `(${failed ? 'failed ' : ''}reverse-i-search)\`${flat(oneLine(query))}': `;
  if (match === null) return `${label}${chalk.inverse(' ')}`;
  const { before, hit, after } = matchView(match, query, width - label.length);
  return `${label}${flat(before)}${chalk.underline(flat(hit))}${flat(after)}`;
}

/** Text on the search line: a tab as one space, as the prompt shows it, so the line's width is known. */
function flat(text: string): string {
  return visible(text.replace(/\t/g, ' '));
}

// A lone surrogate (a pasted half of a pair, or one cut at the view's edge) is no character a
// terminal can show: it becomes U+FFFD, as a decoder would make it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Prompt text as it may reach the terminal: controls neutralized, lone surrogates replaced. */
function visible(text: string): string {
  return neutralize(text).replace(LONE_SURROGATE, '\uFFFD');
}
