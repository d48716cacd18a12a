import { describe, expect, it } from 'vitest';
import { decodeKeys } from '../../../src/ui/input/decode.js';
import { ACTIONS } from '../../../src/ui/input/key-actions.js';
import {
  bindingFor,
  CONDITIONS,
  helpRows,
  hintsFor,
  type KeyState,
} from '../../../src/ui/input/key-dispatch.js';
import { isKeyName, keysLabel } from '../../../src/ui/input/key-names.js';
import { KEYMAP, shortKey } from '../../../src/ui/input/keymap.js';
import { bytesOf, KEY_STATES } from '../../support/key-states.js';

const BINDINGS = KEYMAP.flatMap((group) => group.bindings.map((binding) => ({ group, binding })));

/** What the keymap does with a key's real bytes, as the decoder reads them, in a state. */
function actionOf(name: string, now: KeyState): string | null {
  const [input] = decodeKeys(bytesOf(name));
  if (input?.kind !== 'key') throw new Error(`${name} decodes to no key`);
  return bindingFor(input.input, input.key, now)?.action ?? null;
}

describe('the keymap table', () => {
  it('names only keys a terminal can send, and each name decodes to a key it matches', () => {
    for (const { binding } of BINDINGS) {
      expect(isKeyName(binding.key), binding.key).toBe(true);
      expect(decodeKeys(bytesOf(binding.key)), binding.key).toHaveLength(1);
    }
  });

  it('names only actions, states and panes the notebook has', () => {
    for (const { group, binding } of BINDINGS) {
      expect(Object.keys(ACTIONS), binding.key).toContain(binding.action);
      if (binding.when) expect(Object.keys(CONDITIONS), binding.key).toContain(binding.when);
      if (group.focus) expect(['prompt', 'conversation', 'timeline'], group.help).toContain(group.focus);
    }
  });

  it("writes each hint with its binding's key, so a key moved is a hint changed", () => {
    const hinted = BINDINGS.filter(({ binding }) => binding.hint);
    expect(hinted.length).toBeGreaterThan(5);
    for (const { binding } of hinted) expect(binding.hint?.startsWith(shortKey(binding.key))).toBe(true);
    expect(hinted.map(({ binding }) => binding.hint)).toContain('↑↓ select');
    expect(hinted.map(({ binding }) => binding.hint)).toContain('^T timeline');
  });

  it('has no binding that can never run: no key, pane and state twice', () => {
    const seen = BINDINGS.map(({ group, binding }) => `${binding.key}|${group.focus}|${binding.when}`);
    expect(seen.length).toBe(new Set(seen).size);
  });

  it('gives Esc one meaning per state', () => {
    const esc = Object.fromEntries(
      Object.entries(KEY_STATES).map(([name, now]) => [name, actionOf('Esc', now)]),
    );
    expect(esc).toEqual({
      'prompt, idle': null,
      'prompt, a draft': null,
      'prompt, a /command typed': null,
      'prompt, streaming': 'stop',
      'prompt, quit asked': null,
      'help open': 'close-help',
      conversation: 'focus-prompt',
      timeline: 'focus-prompt',
      'event JSON': 'close-detail',
    });
  });

  it('keeps the quit rules: Ctrl+C stops a reply, clears a draft, else asks; asked, it quits', () => {
    const ctrlC = (name: string) => actionOf('Ctrl+C', KEY_STATES[name] as KeyState);
    expect(ctrlC('prompt, streaming')).toBe('stop-and-ask');
    expect(ctrlC('prompt, a draft')).toBe('clear-prompt');
    expect(ctrlC('prompt, idle')).toBe('ask-to-quit');
    expect(ctrlC('prompt, quit asked')).toBe('quit');
    expect(actionOf('Ctrl+D', KEY_STATES['prompt, idle'] as KeyState)).toBe('quit');
    expect(actionOf('Ctrl+D', KEY_STATES['prompt, a draft'] as KeyState)).toBe('ask-to-quit');
  });

  it('Ctrl+T and Ctrl+Y act directly in every pane', () => {
    for (const now of Object.values(KEY_STATES)) {
      expect(actionOf('Ctrl+T', now)).toBe('toggle-timeline');
      expect(actionOf('Ctrl+Y', now)).toBe('copy');
    }
  });

  it('has one /help row per group, its keys read off its bindings', () => {
    const rows = helpRows();
    expect(rows).toHaveLength(KEYMAP.length);
    for (const [i, group] of KEYMAP.entries()) {
      const keys = keysLabel(group.bindings.map((b) => b.key));
      expect(rows[i]).toEqual({ keys: group.focus ? `${keys} (${group.focus})` : keys, help: group.help });
    }
  });

  it('hints only what the key does now: each hint is the binding its key dispatches to', () => {
    for (const [name, now] of Object.entries(KEY_STATES)) {
      for (const hint of hintsFor(now)) {
        const owners = BINDINGS.filter(({ binding }) => binding.hint === hint);
        const runs = owners.some(({ binding }) => actionOf(binding.key, now) === binding.action);
        expect(runs, `${name}: ${hint}`).toBe(true);
      }
    }
  });

  it('labels neighbouring keys compactly', () => {
    expect(keysLabel(['Ctrl+A', 'Ctrl+E'])).toBe('Ctrl+A/E');
    expect(keysLabel(['↑', '↓', 'PgUp', 'PgDn'])).toBe('↑/↓, PgUp, PgDn');
    expect(keysLabel(['Esc', 'Esc'])).toBe('Esc');
    expect(keysLabel(['Ctrl+J', 'Alt+Enter'])).toBe('Ctrl+J, Alt+Enter');
  });
});
