import { Text } from 'ink';
import type { Toast } from '../../store/session-state.js';
import { neutralize } from '../../text/neutralize.js';

const COLORS = { info: 'cyan', success: 'green', warning: 'yellow', error: 'red' } as const;

/** A one-line notice: what a command did, or why it did nothing. */
export function ToastLine({ toast }: { toast: Toast }) {
  return (
    <Text color={COLORS[toast.tone]} wrap="truncate-end">
      {neutralize(toast.text)}
    </Text>
  );
}
