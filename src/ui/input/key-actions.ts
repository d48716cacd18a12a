import { copyCommand } from '../../commands/copy.js';
import { runCommand } from '../../commands/index.js';
import { type Focus, selectedCell } from '../../store/session-state.js';
import { suspend } from '../../terminal/full-screen.js';
import { sameRowCursor } from '../render/timeline-rows.js';
import type { KeyName } from './key-names.js';
import type { Action } from './keymap.js';
import { move, openEvent, type PaneKeys, selectCell } from './pane-keys.js';
import { PROMPT_ACTIONS, type PromptKeys } from './prompt-keys.js';
import { SEARCH_ACTIONS } from './search-keys.js';
import { SESSIONS_ACTIONS } from './sessions-keys.js';

/** Everything a key can act on. */
export type KeyContext = PromptKeys & PaneKeys;

/** Every action of the keymap, by name: the table says when, these say what. */
export const ACTIONS: Record<Action, (keys: KeyContext, key: KeyName) => void> = {
  ...PROMPT_ACTIONS,
  ...SEARCH_ACTIONS,
  ...SESSIONS_ACTIONS,
  stop: ({ commands }) => commands.session.interrupt(),
  // While a reply streams, the first Ctrl+C or Ctrl+D stops it and asks; another quits at once.
  'stop-and-ask': ({ commands }, name) => {
    commands.session.interrupt();
    commands.session.armQuit(name);
  },
  quit: ({ commands }) => commands.quit(),
  'ask-to-quit': ({ commands }, name) => commands.session.armQuit(name),
  'close-detail': ({ commands }) => commands.session.timeline(() => ({ detail: null })),
  'close-help': ({ commands }) => commands.session.view(() => ({ page: null })),
  'focus-prompt': ({ commands }) => commands.session.view(() => ({ focus: 'prompt' })),
  suspend: () => suspend(),
  'toggle-timeline': ({ commands }) => commands.session.toggleTimeline(),
  'toggle-thinking': ({ commands }) =>
    commands.session.view((view) => ({ thinkingHidden: !view.thinkingHidden })),
  copy: (keys) => void copy(keys),
  'focus-next': (keys) => cycleFocus(keys, 1),
  'focus-previous': (keys) => cycleFocus(keys, -1),
  'select-up': (keys) => selectCell(keys, -1),
  'select-down': (keys) => selectCell(keys, 1),
  'scroll-up': (keys) => move(keys, 'up'),
  'scroll-down': (keys) => move(keys, 'down'),
  'page-up': (keys) => move(keys, 'page-up'),
  'page-down': (keys) => move(keys, 'page-down'),
  'to-top': (keys) => move(keys, 'top'),
  'to-bottom': (keys) => move(keys, 'bottom'),
  'open-event': (keys) => openEvent(keys),
  'toggle-pings': (keys) => toggleFilter(keys, 'p'),
  'toggle-fold': (keys) => toggleFilter(keys, 'f'),
};

/** Ctrl+Y: /copy's own action on the selected cell; its result shows as the command's would. */
async function copy({ commands }: KeyContext): Promise<void> {
  await runCommand(copyCommand, '', commands);
}

/** p and f: a filter on or off, the cursor kept on the same row (or the nearest one left). */
function toggleFilter({ commands, timelineRows }: KeyContext, key: 'p' | 'f'): void {
  const { session } = commands;
  const state = session.state;
  const cell = selectedCell(state);
  const t = state.timeline;
  const filter = key === 'p' ? { hidePings: !t.hidePings } : { foldDeltas: !t.foldDeltas };
  if (!cell) {
    session.timeline(() => filter);
    return;
  }
  const before = timelineRows.rows(cell, t);
  const after = timelineRows.rows(cell, { ...t, ...filter });
  session.timeline(() => ({ ...filter, cursor: sameRowCursor(before, after, t.cursor) }));
}

function cycleFocus({ commands }: KeyContext, by: 1 | -1): void {
  const view = commands.session.state.view;
  const order: Focus[] = view.timelineShown
    ? ['prompt', 'conversation', 'timeline']
    : ['prompt', 'conversation'];
  const next = order[(order.indexOf(view.focus) + order.length + by) % order.length] ?? 'prompt';
  commands.session.view(() => ({ focus: next, page: null }));
}
