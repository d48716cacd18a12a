import { SCENARIOS } from '../offline/scenario-names.js';
import { DEFAULT_MAX_TOKENS, DEFAULT_MODEL } from './defaults.js';

export const USAGE_HINT = 'try: streambook --help';

/** The --help text; the README's tables say the same at more length. */
export function usage(): string {
  return `streambook: a terminal notebook for Anthropic's streaming Messages API

Usage:
  streambook [options] [PROMPT]        open the notebook (PROMPT is sent at start)
  streambook -p [options] [PROMPT]     print mode: one turn to stdout (PROMPT or stdin)
  streambook sessions [--search TEXT] [--json] [--state-dir DIR]
                                       list saved sessions, newest first (--json for scripts)
  streambook serve [--port N] [--scenario NAME] [--replay ID[:N]] …
                                       the offline API for any client (serve --help)
  streambook tap [--port N] [--upstream URL] [-- CMD ARGS…]
                                       a recording proxy for any client's streams (tap --help)

Options:
  -p, --print                 run one turn without the UI
      --output-format FORMAT  print mode output: text (default), json, stream-json
  -m, --model NAME            model (env STREAMBOOK_MODEL, default ${DEFAULT_MODEL})
      --max-tokens N          max output tokens (env STREAMBOOK_MAX_TOKENS, default ${DEFAULT_MAX_TOKENS})
      --system TEXT           system prompt (env STREAMBOOK_SYSTEM)
      --temperature X         sampling temperature, 0 to 1 (deprecated by the API for newer models)
      --thinking BUDGET       extended thinking budget in tokens (1024 or more, below max tokens), or off
      --max-retries N         SDK retries on 408/409/429/5xx and connection errors (default 2)
      --idle-timeout SECONDS  end a turn after SECONDS with no data (env STREAMBOOK_IDLE_TIMEOUT, default 60, 0 off)
      --mode helper|raw       SDK helper (messages.stream) or raw events (create stream: true); default helper
      --offline               use the built-in offline API even when ANTHROPIC_API_KEY is set
      --scenario NAME         offline scenario to answer with (see below)
      --replay ID:N           answer with cell N of saved session ID, as recorded (offline; no key needed);
                              --replay ID answers each prompt with the session's next cell
      --speed X               replay speed: 1 as recorded (default), 2 twice as fast, 0 all at once
      --base-url URL          API base URL (env ANTHROPIC_BASE_URL)
      --no-mouse              leave the mouse to the terminal (the wheel does not scroll; /mouse on)
  -c, --continue              go on with the newest saved session
  -r, --resume ID             go on with saved session ID (streambook sessions lists them)
      --state-dir DIR         where sessions are saved (default $XDG_STATE_HOME/streambook, ~/.local/state/streambook)
      --no-save               don't save this session
  -v, --version               print the version
  -h, --help                  print this help

Offline scenarios:
${SCENARIOS.map((s) => `  ${s.name.padEnd(16)}${s.summary}`).join('\n')}

Exit codes: 0 success, 1 API or stream failure, 2 usage error, 130 interrupted (SIGINT).
With no ANTHROPIC_API_KEY, answers come from the built-in offline API and are simulated.`;
}
