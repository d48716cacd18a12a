import { isStreaming, type SessionState } from '../../store/session-state.js';
import type { Key } from './decode.js';
import { keyMatches, keysLabel } from './key-names.js';
import { type Binding, type Condition, KEYMAP, type KeyGroup } from './keymap.js';

/** What a binding's state is read from: the store now, and the prompt as typed so far. */
export interface KeyState {
  state: SessionState;
  prompt: string;
}

export const CONDITIONS: Record<Condition, (s: KeyState) => boolean> = {
  streaming: ({ state }) => isStreaming(state),
  armed: ({ state }) => state.quitArmed !== null,
  draft: ({ prompt }) => prompt !== '',
  empty: ({ prompt }) => prompt === '',
  help: ({ state }) => state.view.page !== null,
  detail: ({ state }) => state.timeline.detail !== null,
  away: ({ state }) => state.view.focus !== 'prompt',
  completing: ({ state, prompt }) => state.view.focus === 'prompt' && /^\/\S*$/.test(prompt),
  timeline: ({ state }) => state.view.focus === 'timeline',
  list: ({ state }) => state.timeline.detail === null,
  searching: ({ state }) => state.view.search !== null,
  sessions: ({ state }) => state.view.sessions !== null,
};

function applies(group: KeyGroup, binding: Binding, now: KeyState): boolean {
  if (group.focus !== undefined && group.focus !== now.state.view.focus) return false;
  return binding.when === undefined || CONDITIONS[binding.when](now);
}

/** The binding that takes this key now, if any. */
export function bindingFor(input: string, key: Key, now: KeyState): Binding | null {
  for (const group of KEYMAP)
    for (const binding of group.bindings)
      if (keyMatches(binding.key, input, key) && applies(group, binding, now)) return binding;
  return null;
}

/** The status bar's hints for now: each binding that applies and has one, once, in table order. */
export function hintsFor(now: KeyState): string[] {
  const hints = new Set<string>();
  const taken = new Set<string>();
  for (const group of KEYMAP)
    for (const binding of group.bindings) {
      // A key that an earlier binding takes now does not do what a later hint would say.
      if (taken.has(binding.key) || !applies(group, binding, now)) continue;
      taken.add(binding.key);
      if (binding.hint) hints.add(binding.hint);
    }
  return [...hints];
}

/** Where keys go now, as the status bar names it. */
export function focusName(state: SessionState): string {
  if (state.view.sessions) return 'sessions';
  if (state.view.page) return 'help';
  return state.view.focus === 'timeline' && state.timeline.detail !== null ? 'event' : state.view.focus;
}

/** One line of /help: the group's keys (with the pane they are for), and what they do. */
export interface HelpRow {
  keys: string;
  help: string;
}

export function helpRows(): HelpRow[] {
  return KEYMAP.map((group) => {
    const keys = keysLabel(group.bindings.map((b) => b.key));
    return { keys: group.focus ? `${keys} (${group.focus})` : keys, help: group.help };
  });
}

/** The README's Keys table, made from the keymap: a test holds the README to it. */
export function keysMarkdown(): string {
  const cell = (text: string) => text.replace(/\\/g, '`\\`').replace(/\|/g, '\\|');
  return [
    '| key | what it does |',
    '| --- | --- |',
    ...helpRows().map((row) => `| ${cell(row.keys)} | ${cell(row.help)} |`),
  ].join('\n');
}
