import { type Key, useInput } from 'ink';
import { type RefObject, useRef } from 'react';
import type { CommandContext } from '../../commands/command.js';
import { completeCommand, runCommandLine } from '../../commands/index.js';
import { type Focus, isStreaming, selectedCell } from '../../store/session-state.js';
import { maxDetailScroll } from '../components/EventDetail.js';
import { maxHelpScroll } from '../components/HelpView.js';
import type { CellLines } from '../layout/cell-lines.js';
import { conversationWindow } from '../layout/conversation-window.js';
import { mainArea, type ScreenLayout } from '../layout/screen-layout.js';
import type { TimelineRows } from '../layout/timeline-rows.js';
import type { PromptEdit, PromptEditor } from '../prompt-editor.js';

export interface NotebookKeys {
  /** The conversation's layout cache, to clamp scrolling to what there is. */
  cellLines: CellLines;
  commands: CommandContext;
  /** The live editor: several keys can arrive in one read, before React renders again. */
  editor: RefObject<PromptEditor>;
  edit: (edit: PromptEdit) => void;
  layout: ScreenLayout;
  timelineRows: TimelineRows;
}

// Bracketed paste wraps a paste in these; Ink hands each over as an input of its own.
const PASTE_START = /\[200~$/;
const PASTE_END = /\[201~$/;

/** Every key of the notebook, dispatched by what has focus. Keys change the store, never the screen directly. */
export function useNotebookKeys(keys: NotebookKeys): void {
  const pasting = useRef(false);
  useInput((input, key) => {
    if (PASTE_START.test(input)) pasting.current = true;
    else if (PASTE_END.test(input)) pasting.current = false;
    else if (pasting.current || looksPasted(input)) pasteText(keys, input);
    else if (input.length > 1 && CONTROL.test(input))
      for (const [text, typed] of splitKeys(input, key)) handleKey(keys, text, typed);
    else handleKey(keys, input, key);
  });
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: keys are control characters
const CONTROL = /[\u0000-\u001f\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: keys are control characters
const PRINTABLE_AFTER_RETURN = /\r[\s\S]*[^\s\u0000-\u001f\u007f]/;

/**
 * Without bracketed paste, a paste and fast typing both arrive as one read. Text on a line
 * after a carriage return can only be a paste of several lines; anything else is keys.
 */
function looksPasted(input: string): boolean {
  return input.length > 1 && PRINTABLE_AFTER_RETURN.test(input);
}

/** Keys typed faster than a read (or sent by a script), one by one: runs of text stay together. */
function splitKeys(input: string, like: Key): Array<[string, Key]> {
  const none: Key = {
    ...like,
    return: false,
    tab: false,
    backspace: false,
    delete: false,
    ctrl: false,
    meta: false,
    escape: false,
  };
  const keys: Array<[string, Key]> = [];
  let text = '';
  for (const char of input) {
    if (!CONTROL.test(char)) {
      text += char;
      continue;
    }
    if (text) keys.push([text, none]);
    text = '';
    if (char === '\r') keys.push(['\r', { ...none, return: true }]);
    else if (char === '\t') keys.push(['\t', { ...none, tab: true }]);
    else if (char === '\u007f') keys.push(['', { ...none, delete: true }]);
    else if (char === '\b') keys.push(['', { ...none, backspace: true }]);
    else if (char === '\n') keys.push(['\n', none]);
    else keys.push([String.fromCharCode(char.charCodeAt(0) + 96), { ...none, ctrl: true }]);
  }
  if (text) keys.push([text, none]);
  return keys;
}

/** Pasted text goes into the prompt as it is, newlines and all; a paste never sends. */
function pasteText({ commands, edit }: NotebookKeys, input: string): void {
  if (commands.session.state.view.focus === 'prompt') edit({ type: 'insert', text: input });
}

function handleKey(keys: NotebookKeys, input: string, key: Key): void {
  const { commands } = keys;
  const { session } = commands;
  // Read the store now, not as last rendered: earlier keys of the same read may have changed it.
  const state = session.state;
  const streaming = isStreaming(state);

  if (key.ctrl && input === 'c') {
    if (streaming) session.interrupt();
    else if (state.quitArmed) commands.quit();
    else session.armQuit(true);
    return;
  }
  if (state.quitArmed) session.armQuit(false);
  if (key.ctrl && input === 'd') {
    if (keys.editor.current.value === '') commands.quit();
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

function promptKey({ commands, editor: live, edit }: NotebookKeys, input: string, key: Key): void {
  const state = commands.session.state;
  const editor = live.current;
  if (key.return && key.meta) {
    edit({ type: 'insert', text: '\n' });
    return;
  }
  if (key.return) {
    if (editor.value.endsWith('\\')) {
      edit({ type: 'backspace' });
      edit({ type: 'insert', text: '\n' });
      return;
    }
    submit(commands, editor.value, edit);
    return;
  }
  if (input === '\n') {
    edit({ type: 'insert', text: '\n' });
    return;
  }
  if (key.upArrow) {
    edit({ type: 'up', history: state.promptHistory });
    return;
  }
  if (key.downArrow) {
    edit({ type: 'down', history: state.promptHistory });
    return;
  }
  if (key.leftArrow) {
    edit({ type: 'left' });
    return;
  }
  if (key.rightArrow) {
    edit({ type: 'right' });
    return;
  }
  if (key.home || (key.ctrl && input === 'a')) {
    edit({ type: 'home' });
    return;
  }
  if (key.end || (key.ctrl && input === 'e')) {
    edit({ type: 'end' });
    return;
  }
  // Most terminals send DEL (0x7f) for Backspace, which Ink reports as `delete`.
  if (key.backspace || key.delete) {
    edit({ type: 'backspace' });
    return;
  }
  if (key.ctrl && input === 'u') {
    edit({ type: 'clear-line' });
    return;
  }
  if (key.ctrl && input === 'w') {
    edit({ type: 'delete-word' });
    return;
  }
  if (key.ctrl || (key.meta && input.length <= 1)) return;
  edit({ type: 'insert', text: input });
}

function submit(commands: CommandContext, value: string, edit: (edit: PromptEdit) => void): void {
  const text = value.trim();
  if (!text) return;
  // `//…` is a prompt that starts with a slash, not a command.
  if (text.startsWith('//')) {
    if (commands.session.submit(text.slice(1))) edit({ type: 'set', value: '' });
    return;
  }
  if (text.startsWith('/')) {
    edit({ type: 'set', value: '' });
    // A command that did not run gives its line back, to be fixed rather than retyped.
    void runCommandLine(value, commands).then((ran) => {
      if (!ran) edit({ type: 'set', value });
    });
    return;
  }
  if (commands.session.submit(value)) edit({ type: 'set', value: '' });
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
    const event = cell.events.find((e) => e.seq === state.timeline.detail);
    if (!event || layout.kind !== 'notebook' || !layout.timeline) return;
    const page = Math.max(1, layout.timeline.height - 4);
    const step = key.upArrow ? -1 : key.downArrow ? 1 : key.pageUp ? -page : key.pageDown ? page : 0;
    const max = maxDetailScroll(event, layout.timeline);
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
    const seq = rows[Math.min(cursor, last)]?.seq;
    if (seq !== null && seq !== undefined) session.timeline(() => ({ detail: seq, detailScroll: 0 }));
  } else if (input === 'p') session.timeline((t) => ({ hidePings: !t.hidePings, cursor: null }));
  else if (input === 'f') session.timeline((t) => ({ foldDeltas: !t.foldDeltas, cursor: null }));
}

function clamp(n: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, n));
}
