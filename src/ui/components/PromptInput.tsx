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

/** The prompt being typed, with its cursor; the last `height` lines around the cursor are shown. */
export function PromptInput({ editor, focused, streaming, width, height }: PromptInputProps) {
  const lines = promptLines(editor, focused, streaming);
  const cursorLine = editor.value.slice(0, editor.cursor).split('\n').length - 1;
  const start = Math.max(0, Math.min(cursorLine - height + 1, lines.length - height));
  return (
    <Box flexDirection="column" width={width} height={height}>
      {lines.slice(start, start + height).map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines are positions
        <Text key={i} wrap="truncate-start" dimColor={!focused}>
          {i + start === 0 ? chalk.bold(PREFIX) : '  '}
          {line}
        </Text>
      ))}
    </Box>
  );
}

function promptLines(editor: PromptEditor, focused: boolean, streaming: boolean): string[] {
  if (!editor.value && !focused) return [chalk.dim('Tab returns here')];
  if (!editor.value) {
    const hint = streaming
      ? 'streaming… Esc interrupts'
      : 'Type a prompt, Enter sends · Ctrl+J newline · /help';
    return [`${chalk.inverse(' ')}${chalk.dim(hint)}`];
  }
  const safe = neutralize(editor.value);
  if (!focused) return safe.split('\n');
  const before = safe.slice(0, editor.cursor);
  const at = safe[editor.cursor];
  const after = safe.slice(editor.cursor + 1);
  const marked =
    at === undefined || at === '\n'
      ? `${before}${chalk.inverse(' ')}${at ?? ''}${after}`
      : `${before}${chalk.inverse(at)}${after}`;
  return marked.split('\n');
}
