import { Box, Text } from 'ink';
import type { Toast } from '../../store/session-state.js';
import { neutralize } from '../../terminal/neutralize.js';
import { MAX_TOAST_LINES } from '../render/screen-layout.js';
import { wrap } from '../render/wrap.js';

const COLORS = { info: 'cyan', success: 'green', warning: 'yellow', error: 'red' } as const;

/** A toast's text as the lines it takes at a width: wrapped, never more than two. */
export function toastText(toast: Toast, width: number): string[] {
  // Only what can show is wrapped: a toast may quote a 1 MiB argument, and it is drawn each frame.
  const room = (MAX_TOAST_LINES + 1) * Math.max(1, width);
  const text = toast.text.length > room ? `${toast.text.slice(0, room)}…` : toast.text;
  return wrap(neutralize(text), width).slice(0, MAX_TOAST_LINES);
}

/** A short notice: what a command did, or why it did nothing. */
export function ToastLine({ toast, width, lines }: { toast: Toast; width: number; lines: number }) {
  return (
    <Box flexDirection="column" width={width} height={lines}>
      {toastText(toast, width).map((line) => (
        <Text key={line} color={COLORS[toast.tone]} wrap="truncate-end">
          {line}
        </Text>
      ))}
    </Box>
  );
}
