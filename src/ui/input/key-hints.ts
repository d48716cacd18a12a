import type { KeyName } from './key-names.js';
import { type Action, type Condition, KEYMAP } from './keymap.js';

/**
 * The key bound to `action` (in state `when`, if given), read from the keymap each time: for
 * the hints written outside the table (headers, the prompt's placeholder), so that a binding
 * moved in the table is a hint changed everywhere.
 */
export function keyFor(action: Action, when?: Condition): KeyName {
  for (const group of KEYMAP)
    for (const binding of group.bindings)
      if (binding.action === action && (when === undefined || binding.when === when)) return binding.key;
  throw new Error(`keymap: no key does ${action}${when ? ` when ${when}` : ''}`);
}

/** "↑/↓ PgUp/PgDn scroll": the keys that scroll by a line in state `line` and by a page in `page`. */
function scrollHint(line: Condition, page: Condition): string {
  const lines = `${keyFor('scroll-up', line)}/${keyFor('scroll-down', line)}`;
  return `${lines} ${keyFor('page-up', page)}/${keyFor('page-down', page)} scroll`;
}

/** The keys of a page shown in place of the conversation: /help, /settings. */
export function pageKeysHint(): string {
  return `(${keyFor('close-help')} closes)  ${scrollHint('help', 'help')}`;
}

/** The keys of an open event or HTTP row: it is opened from, and scrolled in, the timeline. */
export function detailKeysHint(): string {
  return `${scrollHint('timeline', 'away')} · ${keyFor('close-detail')} back`;
}

/** What an empty prompt says, by whether it has the keys and whether a reply streams. */
export function promptPlaceholder(focused: boolean, streaming: boolean): string {
  if (!focused) return `${keyFor('focus-next')} returns here`;
  if (streaming) return `streaming… ${keyFor('stop')} interrupts`;
  return `Type a prompt, ${keyFor('send')} sends · ${keyFor('newline')} newline · /help`;
}
