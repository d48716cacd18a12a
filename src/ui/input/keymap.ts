import type { Focus } from '../../store/session-state.js';
import type { KeyName } from './key-names.js';

/** A state a binding applies in; see `CONDITIONS` in key-dispatch.ts for what each means. */
export type Condition =
  | 'streaming'
  | 'armed'
  | 'draft'
  | 'empty'
  | 'help'
  | 'detail'
  | 'away'
  | 'completing'
  | 'timeline'
  | 'list'
  | 'searching'
  | 'sessions';

/** What a key does in the prompt; each is one function in prompt-keys.ts. */
export type PromptAction =
  | 'send'
  | 'newline'
  | 'line-up'
  | 'line-down'
  | 'char-left'
  | 'char-right'
  | 'word-left'
  | 'word-right'
  | 'line-start'
  | 'line-end'
  | 'delete-back'
  | 'delete-forward'
  | 'delete-word'
  | 'delete-to-start'
  | 'delete-to-end'
  | 'clear-prompt'
  | 'complete';

/** What a key does; each is one function in key-actions.ts (the prompt's in prompt-keys.ts). */
export type Action =
  | PromptAction
  | 'stop'
  | 'stop-and-ask'
  | 'quit'
  | 'ask-to-quit'
  | 'close-detail'
  | 'close-help'
  | 'focus-prompt'
  | 'suspend'
  | 'toggle-timeline'
  | 'toggle-thinking'
  | 'copy'
  | 'focus-next'
  | 'focus-previous'
  | 'select-up'
  | 'select-down'
  | 'scroll-up'
  | 'scroll-down'
  | 'page-up'
  | 'page-down'
  | 'to-top'
  | 'to-bottom'
  | 'open-event'
  | 'toggle-pings'
  | 'toggle-fold'
  | 'search-start'
  | 'search-older'
  | 'search-accept'
  | 'search-cancel'
  | 'search-erase'
  | 'session-up'
  | 'session-down'
  | 'open-session'
  | 'close-sessions';

/** One key in one state: the first binding of the table whose key and state match runs. */
export interface Binding {
  key: KeyName;
  /** The state it applies in (besides its group's focus); none means always. */
  when?: Condition;
  action: Action;
  /** Shown in the status bar while the binding applies, narrowest first to go, e.g. "^T timeline". */
  hint?: string;
}

/** A line of /help (and of the README's Keys table): keys that belong together, and what they do. */
export interface KeyGroup {
  /** The pane the keys go to; none means whatever has focus. */
  focus?: Focus;
  help: string;
  bindings: readonly Binding[];
}

/**
 * Every key of the notebook, a group of keys a line (an indented line goes on with the one
 * above): `(pane)` if the keys go to one pane only, the bindings, then `|` and the group's
 * /help line. A binding is `key[@state] action ["hint"]`; `↑/↓ line-up/line-down` binds two
 * keys to two actions, and their hint names both keys. Dispatch, /help, the status bar's
 * hints and the README's Keys table all read this table, so they cannot disagree. Order
 * matters twice: the first match wins, and hints are shown in this order while they fit.
 */
const TABLE = String.raw`
Ctrl+R@searching search-older "older", Ctrl+G@searching search-cancel, Enter@searching search-accept "take",
    Esc@searching search-cancel "cancel", Backspace@searching search-erase, Ctrl+R search-start
    | search earlier prompts (again: older) / cancel; Enter takes it
↑/↓@sessions session-up/session-down "move", Enter@sessions open-session "resume",
    Esc@sessions close-sessions "close" | in the /sessions list: move, resume the session, close
Esc@streaming stop "stop", Esc@detail close-detail "back", Esc@help close-help "close",
    Esc@away focus-prompt "prompt" | stop the reply; else close JSON or help; else to the prompt
Ctrl+C@streaming stop-and-ask, Ctrl+C@armed quit, Ctrl+C@draft clear-prompt, Ctrl+C ask-to-quit
    | stop the reply and ask; clear a draft; else twice quits
Ctrl+D@streaming stop-and-ask, Ctrl+D@armed quit, Ctrl+D@empty quit, Ctrl+D ask-to-quit
    | quit on an empty prompt; mid-reply or with a draft, twice
↑/↓@help scroll-up/scroll-down, PgUp/PgDn@help page-up/page-down,
    ↑/↓@timeline scroll-up/scroll-down "select",
    PgUp/PgDn@away page-up/page-down, Home/End@away to-top/to-bottom
    | scroll help or the pane; in the timeline, select an event
(prompt) Enter send "send" | send the prompt (or run a /command)
(prompt) Ctrl+J newline, Alt+Enter newline | new line in the prompt (so does \ then Enter)
(prompt) ↑/↓ line-up/line-down | move between lines; past the edges, recall earlier prompts
(prompt) ←/→ char-left/char-right, Alt+B/Alt+F word-left/word-right | a character / a word back or forward
(prompt) Home/End line-start/line-end, Ctrl+A/Ctrl+E line-start/line-end | start / end of the line
(prompt) Backspace delete-back, Delete delete-forward, Ctrl+W delete-word
    | delete a character back / forward, or the word before
(prompt) Ctrl+U delete-to-start, Ctrl+K delete-to-end | delete to the line's start / end
Ctrl+T toggle-timeline "timeline", Ctrl+O toggle-thinking | show or hide the timeline pane / thinking
Ctrl+Y copy "copy" | copy the selected cell's final message JSON
Tab@completing complete "complete", Tab focus-next "focus", Shift+Tab focus-previous
    | focus: prompt → conversation → timeline; completes a /command
Ctrl+Z suspend | suspend to the shell; fg brings it back
(conversation) ↑/↓ select-up/select-down "select" | select a cell; the timeline follows it
(timeline) Enter@list open-event "open" | open the selected event's full JSON
(timeline) p@list toggle-pings, f@list toggle-fold | hide pings / fold runs of deltas
`;

export const KEYMAP: readonly KeyGroup[] = TABLE.trim().replace(/\n\s+/g, ' ').split('\n').map(parseGroup);

function parseGroup(line: string): KeyGroup {
  const [, focus, bindings = '', help = ''] = /^(?:\((\w+)\) )?(.+?) \| (.+)$/.exec(line) ?? [];
  if (!bindings) throw new Error(`keymap: not a group: ${line}`);
  return {
    ...(focus ? { focus: focus as Focus } : {}),
    help,
    bindings: bindings.split(', ').flatMap(parseBindings),
  };
}

/** `↑/↓@timeline scroll-up/scroll-down "select"` → the two bindings it stands for. */
function parseBindings(text: string): Binding[] {
  const [, keyText = '', when, actionText = '', hint] =
    /^(\S+?)(?:@(\S+))? (\S+)(?: "(.+)")?$/.exec(text) ?? [];
  const keys = keyText.split('/');
  const actions = actionText.split('/');
  if (!keyText || keys.length !== actions.length) throw new Error(`keymap: not a binding: ${text}`);
  return keys.map((key, i) => ({
    key,
    // The names are held to key-dispatch's CONDITIONS and key-actions' ACTIONS by test/ui/input/keymap.test.ts.
    ...(when ? { when: when as Condition } : {}),
    action: actions[i] as Action,
    ...(hint && i === 0 ? { hint: `${keys.map(shortKey).join('')} ${hint}` } : {}),
  }));
}

/** A key as a hint names it, short for the status bar: Ctrl+T is ^T. */
export function shortKey(key: KeyName): string {
  return key.replace(/^Ctrl\+/, '^');
}
