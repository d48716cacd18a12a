import { Box, Text } from 'ink';
import { describeRetryWait } from '../../engine/retry-policy.js';
import type { RetryWait } from '../../engine/types.js';
import type { SessionState } from '../../store/session-state.js';
import { neutralize } from '../../terminal/neutralize.js';
import { formatTotal } from '../format.js';
import { useCountdown } from '../hooks/use-countdown.js';
import { focusName, hintsFor } from '../input/key-dispatch.js';
import { SIDE_BY_SIDE_COLUMNS } from '../render/screen-layout.js';

export interface StatusBarProps {
  state: SessionState;
  width: number;
  /** The prompt as typed: some keys do something else when it holds a draft. */
  prompt: string;
}

/** The last line: what answers, how, the tokens so far, and the main keys. */
export function StatusBar({ state, width, prompt }: StatusBarProps) {
  const { settings, source, tokens, scenario } = state;
  // A narrow terminal keeps its room for the keys.
  const offline = width < SIDE_BY_SIDE_COLUMNS ? 'offline' : 'offline (simulated)';
  const where = source.offline ? `${offline}${scenario ? ` · ${scenario}` : ''}` : 'live';
  // The model name comes from flags, .env or /model: shown, so made safe for the terminal.
  const left = neutralize(
    `${settings.model} · ${settings.mode} · ${where} · ${formatTotal(tokens.input, tokens.exact)} in / ${formatTotal(tokens.output, tokens.exact)} out`,
  );
  const wait = retryWaitOf(state);
  const secondsLeft = useCountdown(wait?.until ?? null);
  const countdown = wait && secondsLeft !== null ? retryText(wait, secondsLeft) : null;
  const notice = state.quitArmed !== null ? `Press ${state.quitArmed} again to quit` : countdown;
  const room = width - left.length - 3;
  const focus = `[${focusName(state)}]`;
  const hints = fitHints([...hintsFor({ state, prompt }), '/help'], room - focus.length - 1);
  return (
    <Box width={width} height={1}>
      <Text wrap="truncate-end">
        <Text inverse color={source.offline ? 'yellow' : 'green'}>{` ${left} `}</Text>
        {notice !== null ? (
          <Text color="yellow">{` ${notice}`}</Text>
        ) : room > focus.length ? (
          <Text>
            {' '}
            <Text color="cyan">{focus}</Text>
            {hints ? <Text dimColor>{` ${hints}`}</Text> : null}
          </Text>
        ) : null}
      </Text>
    </Box>
  );
}

/** As many whole hints as fit in `room` columns, in the keymap's order: none is cut. */
export function fitHints(hints: readonly string[], room: number): string {
  let line = '';
  for (const hint of hints) {
    const next = line ? `${line} · ${hint}` : hint;
    if (next.length > room) break;
    line = next;
  }
  return line;
}

/** The wait before the streaming turn's next attempt, while there is one. */
function retryWaitOf(state: SessionState): RetryWait | null {
  const cell = state.cells.at(-1);
  return cell?.status === 'streaming' ? (cell.retryWait ?? null) : null;
}

function retryText(wait: RetryWait, secondsLeft: number): string {
  return `${describeRetryWait(wait, secondsLeft)} · Esc cancels`;
}
