import type { Key } from './decode.js';

/**
 * A key as the keymap names it, and as /help, the status bar and the README print it:
 * 'Enter', 'Esc', 'Tab', 'Shift+Tab', '↑', 'PgUp', 'Ctrl+T', 'Alt+B', or a letter such as 'p'.
 */
export type KeyName = string;

const NAMED: Record<string, (key: Key) => boolean> = {
  Enter: (k) => k.return && !k.meta,
  'Alt+Enter': (k) => k.return && k.meta,
  Esc: (k) => k.escape,
  Tab: (k) => k.tab && !k.shift,
  'Shift+Tab': (k) => k.tab && k.shift,
  '↑': (k) => k.upArrow,
  '↓': (k) => k.downArrow,
  '←': (k) => k.leftArrow,
  '→': (k) => k.rightArrow,
  PgUp: (k) => k.pageUp,
  PgDn: (k) => k.pageDown,
  Home: (k) => k.home,
  End: (k) => k.end,
  Backspace: (k) => k.backspace,
  Delete: (k) => k.delete,
};

/** Whether the decoded key is the named one. Unknown names match nothing (a test checks the table). */
export function keyMatches(name: KeyName, input: string, key: Key): boolean {
  const named = NAMED[name];
  if (named) return named(key);
  // The decoder gives Ctrl+J (line feed) as the text it types, as terminals send it.
  if (name === 'Ctrl+J') return input === '\n';
  const ctrl = /^Ctrl\+([A-Z])$/.exec(name);
  if (ctrl) return key.ctrl && input === ctrl[1]?.toLowerCase();
  const alt = /^Alt\+([A-Z])$/.exec(name);
  if (alt) return key.meta && !key.ctrl && input === alt[1]?.toLowerCase();
  return name.length === 1 && !key.ctrl && !key.meta && input === name;
}

/** Whether `name` is one the keymap can match: a table entry naming no real key is a bug. */
export function isKeyName(name: KeyName): boolean {
  return name in NAMED || name === 'Ctrl+J' || /^(Ctrl|Alt)\+[A-Z]$/.test(name) || /^[a-z]$/.test(name);
}

/**
 * Keys as one label: neighbours that differ only in their last character share the rest
 * (Ctrl+A, Ctrl+E → Ctrl+A/E; ↑, ↓ → ↑/↓), and the others are listed with commas.
 */
export function keysLabel(names: readonly KeyName[]): string {
  const parts: string[] = [];
  let last: { prefix: string; text: string } | null = null;
  for (const name of new Set(names)) {
    const prefix = name.slice(0, -1);
    const single = [...name.slice(prefix.length)].length === 1 && (prefix === '' || prefix.endsWith('+'));
    if (single && last && last.prefix === prefix) {
      last.text += `/${name.slice(prefix.length)}`;
      parts[parts.length - 1] = last.text;
      continue;
    }
    last = single ? { prefix, text: name } : null;
    parts.push(name);
  }
  return parts.join(', ');
}
