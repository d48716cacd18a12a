import { Box, Text } from 'ink';
import { memo } from 'react';
import { styledLine } from '../frame/styled-line.js';

export interface LinesProps {
  lines: readonly string[];
  width: number;
  height: number;
}

/**
 * Pre-laid-out lines, truncated rather than wrapped: wrapping was done once, by the caller, and
 * must not change the height Ink lays out. The lines that fit go to Ink as one Text, so a frame
 * that scrolls the pane lays out and prints one node rather than a node a line (Yoga measured
 * each changed one: 3.5 ms of a 120×40 frame went to the layout); a line too wide for the pane
 * is a Text of its own, which Ink truncates as it always did.
 */
export const Lines = memo(function Lines({ lines, width, height }: LinesProps) {
  return (
    <Box flexDirection="column" width={width} height={height}>
      {textRuns(lines, width).map((text, i) => (
        // Runs are positions on screen; the index is the identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Text key={i} wrap="truncate-end">
          {text}
        </Text>
      ))}
    </Box>
  );
});

/**
 * The lines joined into runs that fit the width, each line too wide alone. An empty line is a
 * space: Ink gives an empty Text no height. A line's columns as our Output counts them are at
 * least its string width, so a line within the width there needs no truncating.
 */
function textRuns(lines: readonly string[], width: number): string[] {
  const runs: string[] = [];
  let run: string[] = [];
  for (const line of lines) {
    if (styledLine(line).width <= width) {
      run.push(line);
      continue;
    }
    if (run.length > 0) runs.push(run.join('\n') || ' ');
    run = [];
    runs.push(line);
  }
  if (run.length > 0) runs.push(run.join('\n') || ' ');
  return runs;
}
