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
  | 'sessions';

/** What a key does; each is one function in key-actions.ts. */
export type Action =
  | 'stop'
  | 'stop-and-ask'
  | 'quit'
  | 'ask-to-quit'
  | 'clear-prompt'
  | 'close-detail'
  | 'close-help'
  | 'focus-prompt'
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
  | 'suspend'
  | 'toggle-timeline'
  | 'toggle-thinking'
  | 'copy'
  | 'complete'
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
  /** Shown in the status bar while the binding applies, narrowest first to go. */
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
 * Every key of the notebook. Dispatch, /help and the status bar's hints all read this table,
 * so they cannot disagree. Order matters twice: the first match wins, and hints are shown in
 * this order while they fit.
 */
export const KEYMAP: readonly KeyGroup[] = [
  {
    help: 'in the /sessions list: move, resume the session, close',
    bindings: [
      { key: '↑', when: 'sessions', action: 'session-up', hint: '↑↓ move' },
      { key: '↓', when: 'sessions', action: 'session-down' },
      { key: 'Enter', when: 'sessions', action: 'open-session', hint: 'Enter resume' },
      { key: 'Esc', when: 'sessions', action: 'close-sessions', hint: 'Esc close' },
    ],
  },
  {
    help: 'stop the reply; else close JSON or help; else to the prompt',
    bindings: [
      { key: 'Esc', when: 'streaming', action: 'stop', hint: 'Esc stop' },
      { key: 'Esc', when: 'detail', action: 'close-detail', hint: 'Esc back' },
      { key: 'Esc', when: 'help', action: 'close-help', hint: 'Esc close' },
      { key: 'Esc', when: 'away', action: 'focus-prompt', hint: 'Esc prompt' },
    ],
  },
  {
    help: 'stop the reply and ask; clear a draft; else twice quits',
    bindings: [
      { key: 'Ctrl+C', when: 'streaming', action: 'stop-and-ask' },
      { key: 'Ctrl+C', when: 'armed', action: 'quit' },
      { key: 'Ctrl+C', when: 'draft', action: 'clear-prompt' },
      { key: 'Ctrl+C', action: 'ask-to-quit' },
    ],
  },
  {
    help: 'quit on an empty prompt; mid-reply or with a draft, twice',
    bindings: [
      { key: 'Ctrl+D', when: 'streaming', action: 'stop-and-ask' },
      { key: 'Ctrl+D', when: 'armed', action: 'quit' },
      { key: 'Ctrl+D', when: 'empty', action: 'quit' },
      { key: 'Ctrl+D', action: 'ask-to-quit' },
    ],
  },
  {
    help: 'scroll help or the pane; in the timeline, select an event',
    bindings: [
      { key: '↑', when: 'help', action: 'scroll-up' },
      { key: '↓', when: 'help', action: 'scroll-down' },
      { key: 'PgUp', when: 'help', action: 'page-up' },
      { key: 'PgDn', when: 'help', action: 'page-down' },
      { key: '↑', when: 'timeline', action: 'scroll-up', hint: '↑↓ select' },
      { key: '↓', when: 'timeline', action: 'scroll-down' },
      { key: 'PgUp', when: 'away', action: 'page-up' },
      { key: 'PgDn', when: 'away', action: 'page-down' },
      { key: 'Home', when: 'away', action: 'to-top' },
      { key: 'End', when: 'away', action: 'to-bottom' },
    ],
  },
  {
    focus: 'prompt',
    help: 'send the prompt (or run a /command)',
    bindings: [{ key: 'Enter', action: 'send', hint: 'Enter send' }],
  },
  {
    focus: 'prompt',
    help: 'new line in the prompt (so does \\ then Enter)',
    bindings: [
      { key: 'Ctrl+J', action: 'newline' },
      { key: 'Alt+Enter', action: 'newline' },
    ],
  },
  {
    focus: 'prompt',
    help: 'move between lines; past the edges, recall earlier prompts',
    bindings: [
      { key: '↑', action: 'line-up' },
      { key: '↓', action: 'line-down' },
    ],
  },
  {
    focus: 'prompt',
    help: 'a character / a word back or forward',
    bindings: [
      { key: '←', action: 'char-left' },
      { key: '→', action: 'char-right' },
      { key: 'Alt+B', action: 'word-left' },
      { key: 'Alt+F', action: 'word-right' },
    ],
  },
  {
    focus: 'prompt',
    help: 'start / end of the line',
    bindings: [
      { key: 'Home', action: 'line-start' },
      { key: 'End', action: 'line-end' },
      { key: 'Ctrl+A', action: 'line-start' },
      { key: 'Ctrl+E', action: 'line-end' },
    ],
  },
  {
    focus: 'prompt',
    help: 'delete a character back / forward, or the word before',
    bindings: [
      { key: 'Backspace', action: 'delete-back' },
      { key: 'Delete', action: 'delete-forward' },
      { key: 'Ctrl+W', action: 'delete-word' },
    ],
  },
  {
    focus: 'prompt',
    help: "delete to the line's start / end",
    bindings: [
      { key: 'Ctrl+U', action: 'delete-to-start' },
      { key: 'Ctrl+K', action: 'delete-to-end' },
    ],
  },
  {
    help: 'show or hide the timeline pane / thinking',
    bindings: [
      { key: 'Ctrl+T', action: 'toggle-timeline', hint: '^T timeline' },
      { key: 'Ctrl+O', action: 'toggle-thinking' },
    ],
  },
  {
    help: "copy the selected cell's final message JSON",
    bindings: [{ key: 'Ctrl+Y', action: 'copy', hint: '^Y copy' }],
  },
  {
    help: 'focus: prompt → conversation → timeline; completes a /command',
    bindings: [
      { key: 'Tab', when: 'completing', action: 'complete', hint: 'Tab complete' },
      { key: 'Tab', action: 'focus-next', hint: 'Tab focus' },
      { key: 'Shift+Tab', action: 'focus-previous' },
    ],
  },
  {
    help: 'suspend to the shell; fg brings it back',
    bindings: [{ key: 'Ctrl+Z', action: 'suspend' }],
  },
  {
    focus: 'conversation',
    help: 'select a cell; the timeline follows it',
    bindings: [
      { key: '↑', action: 'select-up', hint: '↑↓ select' },
      { key: '↓', action: 'select-down' },
    ],
  },
  {
    focus: 'timeline',
    help: "open the selected event's full JSON",
    bindings: [{ key: 'Enter', when: 'list', action: 'open-event', hint: 'Enter open' }],
  },
  {
    focus: 'timeline',
    help: 'hide pings / fold runs of deltas',
    bindings: [
      { key: 'p', when: 'list', action: 'toggle-pings' },
      { key: 'f', when: 'list', action: 'toggle-fold' },
    ],
  },
];
