import { Box, Text } from 'ink';
import { memo } from 'react';

export interface LinesProps {
  lines: readonly string[];
  width: number;
  height: number;
}

/**
 * Pre-laid-out lines, one Text each, truncated rather than wrapped: wrapping was done once,
 * by the caller, and must not change the height Ink lays out.
 */
export const Lines = memo(function Lines({ lines, width, height }: LinesProps) {
  return (
    <Box flexDirection="column" width={width} height={height}>
      {lines.map((line, i) => (
        // Lines are positions on screen; the index is the identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Text key={i} wrap="truncate-end">
          {line || ' '}
        </Text>
      ))}
    </Box>
  );
});
