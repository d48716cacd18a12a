import { completeCommand, runCommandLine } from '../../commands/index.js';
import { type Focus, isStreaming, selectedCell } from '../../store/session-state.js';
import { suspend } from '../../terminal/full-screen.js';
import { maxDetailScroll } from '../components/EventDetail.js';
import { maxHelpScroll } from '../components/HelpView.js';
import type { Key } from '../input/decode.js';
import { type PromptKeys, promptKey } from '../input/prompt-keys.js';
import type { CellLines } from '../render/cell-lines.js';
import { conversationWindow } from '../render/conversation-window.js';
import { detailContent } from '../render/detail-content.js';
import { mainArea, type ScreenLayout } from '../render/screen-layout.js';
import { sameRowCursor, type TimelineRows } from '../render/timeline-rows.js';
import { useTerminalInput } from './use-terminal-input.js';

export interface NotebookKeys extends PromptKeys {
  /** The conversation's layout cache, to clamp scrolling to what there is. */
  cellLines: CellLines;
  layout: ScreenLayout;
  timelineRows: TimelineRows;
}

/** Every key of the notebook, dispatched by what has focus. Keys change the store, never the screen directly. */
export function useNotebookKeys(keys: NotebookKeys): void {
  useTerminalInput((input) => {
    if (input.kind === 'paste') pasteText(keys, input.text);
    else handleKey(keys, input.input, input.key);
  });
}

/** Pasted text goes into the prompt as it is, newlines and escapes and all; a paste never sends. */
function pasteText({ commands, edit }: NotebookKeys, text: string): void {
  const { session } = commands;
  if (session.state.view.focus !== 'prompt') session.view(() => ({ focus: 'prompt', help: false }));
  edit({ type: 'insert', text });
}

function handleKey(keys: NotebookKeys, input: string, key: Key): void {
  const { commands } = keys;
  const { session } = commands;
  // Read the store now, not as last rendered: earlier keys of the same read may have changed it.
  const state = session.state;
  const streaming = isStreaming(state);

  if (key.ctrl && (input === 'c' || input === 'd')) {
    quitKey(keys, input, streaming);
    return;
  }
  // Enter keeps quitting armed, so the line a /quit gave back can confirm it.
  if (state.quitArmed !== null && !key.return) session.armQuit(null);
  if (key.ctrl && input === 'z') {
    suspend();
    return;
  }
  if (key.ctrl && input === 't') {
    void runCommandLine('/timeline', commands);
    return;
  }
  if (key.ctrl && input === 'y') {
    void runCommandLine('/copy', commands);
    return;
  }
  if (key.ctrl && input === 'o') {
    session.view((view) => ({ thinkingHidden: !view.thinkingHidden }));
    return;
  }
  if (state.view.help && (key.upArrow || key.downArrow || key.pageUp || key.pageDown)) {
    helpKey(keys, key);
    return;
  }
  if (key.escape) {
    onEscape(keys, streaming);
    return;
  }
  if (key.tab) {
    tab(keys, key.shift);
    return;
  }

  switch (state.view.focus) {
    case 'prompt':
      promptKey(keys, input, key);
      return;
    case 'conversation':
      conversationKey(keys, key);
      return;
    case 'timeline':
      timelineKey(keys, input, key);
      return;
  }
}

/**
 * Ctrl+C and Ctrl+D. While a reply streams, the first stops it and asks; another quits at once.
 * When idle, Ctrl+D on an empty prompt quits, and otherwise the first asks (a draft is not
 * thrown away by one key).
 */
function quitKey({ commands, editor }: NotebookKeys, input: 'c' | 'd', streaming: boolean): void {
  const { session } = commands;
  const name = input === 'c' ? 'Ctrl+C' : 'Ctrl+D';
  if (streaming) {
    session.interrupt();
    session.armQuit(name);
  } else if (session.state.quitArmed !== null || (input === 'd' && editor.current.value === ''))
    commands.quit();
  else session.armQuit(name);
}

function onEscape({ commands }: NotebookKeys, streaming: boolean): void {
  const { session } = commands;
  const state = session.state;
  if (streaming) session.interrupt();
  else if (state.timeline.detail !== null) session.timeline(() => ({ detail: null }));
  else if (state.view.help) session.view(() => ({ help: false }));
  else session.view(() => ({ focus: 'prompt' }));
}

function tab({ commands, editor: live, edit }: NotebookKeys, backwards: boolean): void {
  const state = commands.session.state;
  const editor = live.current;
  if (state.view.focus === 'prompt' && /^\/\S*$/.test(editor.value)) {
    const matches = completeCommand(editor.value);
    if (matches.length === 1) edit({ type: 'set', value: `${matches[0]} ` });
    else if (matches.length > 1) commands.session.toast(matches.join('  '));
    return;
  }
  const order: Focus[] = state.view.timeline
    ? ['prompt', 'conversation', 'timeline']
    : ['prompt', 'conversation'];
  const at = order.indexOf(state.view.focus);
  const next = order[(at + (backwards ? order.length - 1 : 1)) % order.length] ?? 'prompt';
  commands.session.view(() => ({ focus: next, help: false }));
}

function helpKey({ commands, layout }: NotebookKeys, key: Key): void {
  if (layout.kind !== 'notebook') return;
  const area = mainArea(layout);
  const page = Math.max(1, area.height - 2);
  const step = key.upArrow ? -1 : key.downArrow ? 1 : key.pageUp ? -page : page;
  const max = maxHelpScroll(area);
  commands.session.view((view) => ({ helpScroll: clamp(view.helpScroll + step, 0, max) }));
}

function conversationKey({ commands, layout, cellLines }: NotebookKeys, key: Key): void {
  const { session } = commands;
  const state = session.state;
  const ids = state.cells.map((c) => c.id);
  const current = state.view.selected ?? ids.at(-1);
  const at = current === undefined ? -1 : ids.indexOf(current);
  if (key.upArrow && at > 0) session.view(() => ({ selected: ids[at - 1] ?? null, scroll: 0 }));
  else if (key.downArrow && at >= 0 && at < ids.length - 1)
    session.view(() => ({ selected: ids[at + 1] ?? null, scroll: 0 }));
  else if (key.home) session.view(() => ({ selected: ids[0] ?? null, scroll: 0 }));
  else if (key.end) session.view(() => ({ selected: null, scroll: 0 }));
  else if ((key.pageUp || key.pageDown) && layout.kind === 'notebook') {
    // Paging scrolls lines from the bottom, as far as there are lines: no farther.
    const { width, height } = layout.conversation;
    const page = Math.max(1, height - 2);
    const wanted = Math.max(0, state.view.scroll + (key.pageUp ? page : -page));
    const { scroll } = conversationWindow({
      cells: state.cells,
      layout: cellLines,
      options: { width, rawText: state.view.rawText, thinkingHidden: state.view.thinkingHidden },
      height,
      scroll: wanted,
      selected: null,
    });
    session.view(() => ({ selected: null, scroll }));
  } else return;
  session.timeline(() => ({ cursor: null, detail: null }));
}

function timelineKey({ commands, layout, timelineRows }: NotebookKeys, input: string, key: Key): void {
  const { session } = commands;
  const state = session.state;
  const cell = selectedCell(state);
  if (!cell) return;
  if (state.timeline.detail !== null) {
    const content = detailContent(cell, state.timeline.detail);
    if (!content || layout.kind !== 'notebook' || !layout.timeline) return;
    const page = Math.max(1, layout.timeline.height - 4);
    const step = key.upArrow ? -1 : key.downArrow ? 1 : key.pageUp ? -page : key.pageDown ? page : 0;
    const max = maxDetailScroll(content, layout.timeline);
    if (step !== 0) session.timeline((t) => ({ detailScroll: clamp(t.detailScroll + step, 0, max) }));
    return;
  }
  const { rows } = timelineRows.rows(cell, state.timeline);
  const last = rows.length - 1;
  const cursor = state.timeline.cursor ?? last;
  const page = layout.kind === 'notebook' && layout.timeline ? layout.timeline.height - 4 : 10;
  const move = (to: number) => session.timeline(() => ({ cursor: Math.max(0, Math.min(last, to)) }));
  if (key.upArrow) move(cursor - 1);
  else if (key.downArrow) move(cursor + 1);
  else if (key.pageUp) move(cursor - page);
  else if (key.pageDown) move(cursor + page);
  else if (key.home) move(0);
  else if (key.end) session.timeline(() => ({ cursor: null }));
  else if (key.return) {
    const detail = rows[Math.min(cursor, last)]?.detail;
    if (detail !== undefined) session.timeline(() => ({ detail, detailScroll: 0 }));
  } else if (input === 'p' || input === 'f') {
    const t = state.timeline;
    const filter = input === 'p' ? { hidePings: !t.hidePings } : { foldDeltas: !t.foldDeltas };
    const after = timelineRows.rows(cell, { ...t, ...filter }).rows;
    session.timeline(() => ({ ...filter, cursor: sameRowCursor(rows, after, t.cursor) }));
  }
}

function clamp(n: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, n));
}
