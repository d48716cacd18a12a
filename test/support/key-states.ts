import { newCell } from '../../src/store/cell.js';
import { initialState, type SessionState } from '../../src/store/session-state.js';
import type { KeyState } from '../../src/ui/input/key-dispatch.js';
import { SETTINGS } from './turns.js';

/** The bytes a terminal sends for a key as the keymap names it. */
export function bytesOf(name: string): string {
  const named: Record<string, string> = {
    Enter: '\r',
    'Alt+Enter': '\u001b\r',
    Esc: '\u001b',
    Tab: '\t',
    'Shift+Tab': '\u001b[Z',
    '↑': '\u001b[A',
    '↓': '\u001b[B',
    '→': '\u001b[C',
    '←': '\u001b[D',
    PgUp: '\u001b[5~',
    PgDn: '\u001b[6~',
    Home: '\u001b[H',
    End: '\u001b[F',
    Backspace: '\u007f',
    Delete: '\u001b[3~',
    'Ctrl+J': '\n',
  };
  const ctrl = /^Ctrl\+([A-Z])$/.exec(name)?.[1];
  if (ctrl) return String.fromCharCode(ctrl.charCodeAt(0) - 64);
  const alt = /^Alt\+([A-Z])$/.exec(name)?.[1];
  if (alt) return `\u001b${alt.toLowerCase()}`;
  return named[name] ?? name;
}

function state(change: (s: SessionState) => SessionState = (s) => s): SessionState {
  const base = initialState(SETTINGS, { offline: true, describe: 'offline' }, 'chat');
  const done = { ...newCell(1, 'earlier', SETTINGS, 'chat'), status: 'complete' as const };
  return change({ ...base, cells: [done] });
}

/** The states the keymap tells apart, by name: each focus, streaming, help, event JSON, a draft, a question to quit. */
export const KEY_STATES: Record<string, KeyState> = {
  'prompt, idle': { state: state(), prompt: '' },
  'prompt, a draft': { state: state(), prompt: 'a draft' },
  'prompt, a /command typed': { state: state(), prompt: '/he' },
  'prompt, streaming': {
    state: state((s) => ({ ...s, cells: [...s.cells, newCell(2, 'now', SETTINGS, 'chat')] })),
    prompt: '',
  },
  'prompt, quit asked': { state: state((s) => ({ ...s, quitArmed: 'Ctrl+C' })), prompt: 'x' },
  'help open': { state: state((s) => ({ ...s, view: { ...s.view, page: 'help' } })), prompt: '' },
  conversation: { state: state((s) => ({ ...s, view: { ...s.view, focus: 'conversation' } })), prompt: '' },
  timeline: { state: state((s) => ({ ...s, view: { ...s.view, focus: 'timeline' } })), prompt: '' },
  'event JSON': {
    state: state((s) => ({
      ...s,
      view: { ...s.view, focus: 'timeline' },
      timeline: { ...s.timeline, detail: 1 },
    })),
    prompt: '',
  },
};
