import { Box, Text } from 'ink';
import { describeRetryWait } from '../../engine/retry-policy.js';
import type { RetryWait } from '../../engine/types.js';
import type { SessionState } from '../../store/session-state.js';
import { neutralize } from '../../terminal/neutralize.js';
import { formatTotal } from '../format.js';
import { useCountdown } from '../hooks/use-countdown.js';

export interface StatusBarProps {
  state: SessionState;
  width: number;
}

const HINTS = 'Enter send · Esc stop · ^T timeline · Tab focus · ^Y copy · /help';

/** The last line: what answers, how, the tokens so far, and the main keys. */
export function StatusBar({ state, width }: StatusBarProps) {
  const { settings, source, tokens, scenario } = state;
  const where = source.offline ? `offline (simulated)${scenario ? ` · ${scenario}` : ''}` : 'live';
  // The model name comes from flags, .env or /model: shown, so made safe for the terminal.
  const left = neutralize(
    `${settings.model} · ${settings.mode} · ${where} · ${formatTotal(tokens.input, tokens.exact)} in / ${formatTotal(tokens.output, tokens.exact)} out`,
  );
  const wait = retryWaitOf(state);
  const secondsLeft = useCountdown(wait?.until ?? null);
  const countdown = wait && secondsLeft !== null ? retryText(wait, secondsLeft) : null;
  const notice = state.quitArmed !== null ? `Press ${state.quitArmed} again to quit` : countdown;
  const hints = notice ?? HINTS;
  const room = width - left.length - 2;
  return (
    <Box width={width} height={1}>
      <Text wrap="truncate-end">
        <Text inverse color={source.offline ? 'yellow' : 'green'}>{` ${left} `}</Text>
        {room > 8 ? (
          <Text dimColor={notice === null} color={notice === null ? undefined : 'yellow'}>
            {` ${hints.slice(0, room - 1)}`}
          </Text>
        ) : null}
      </Text>
    </Box>
  );
}

/** The wait before the streaming turn's next attempt, while there is one. */
function retryWaitOf(state: SessionState): RetryWait | null {
  const cell = state.cells.at(-1);
  return cell?.status === 'streaming' ? (cell.retryWait ?? null) : null;
}

function retryText(wait: RetryWait, secondsLeft: number): string {
  return `${describeRetryWait(wait, secondsLeft)} · Esc cancels`;
}
