import chalk from 'chalk';
import { Box, Text } from 'ink';
import { neutralize } from '../../text/neutralize.js';
import type { PromptEditor } from '../prompt-editor.js';

export interface PromptInputProps {
  editor: PromptEditor;
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
export function PromptInput({ editor, focused, streaming, width, height }: PromptInputProps) {
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
}

function visibleLines(
  editor: PromptEditor,
  focused: boolean,
  streaming: boolean,
  room: number,
  height: number,
): Array<{ text: string; first: boolean }> {
  if (!editor.value) {
    const hint = !focused
      ? chalk.dim('Tab returns here')
      : `${chalk.inverse(' ')}${chalk.dim(streaming ? 'streaming… Esc interrupts' : 'Type a prompt, Enter sends · Ctrl+J newline · /help')}`;
    return [{ text: hint, first: true }];
  }
  const lines = editor.value.split('\n');
  const before = editor.value.slice(0, editor.cursor);
  const cursorLine = before.split('\n').length - 1;
  const cursorColumn = editor.cursor - (before.lastIndexOf('\n') + 1);
  const top = Math.max(0, Math.min(cursorLine - height + 1, lines.length - height));
  return lines.slice(top, top + height).map((line, i) => {
    const index = top + i;
    const isCursorLine = focused && index === cursorLine;
    const from = isCursorLine ? Math.max(0, cursorColumn - room + 1) : 0;
    const shown = line.slice(from, from + room).replace(/\t/g, ' ');
    if (!isCursorLine) return { text: neutralize(shown), first: index === 0 };
    const at = cursorColumn - from;
    const under = shown[at];
    const text = `${neutralize(shown.slice(0, at))}${chalk.inverse(under === undefined ? ' ' : neutralize(under))}${neutralize(shown.slice(at + 1))}`;
    return { text, first: index === 0 };
  });
}
