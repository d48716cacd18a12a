import type { RefObject } from 'react';
import type { CommandContext } from '../../commands/command.js';
import { runCommandLine } from '../../commands/index.js';
import type { Key } from './decode.js';
import type { PromptEdit, PromptEditor } from './prompt-editor.js';

/** What the prompt's keys act on. */
export interface PromptKeys {
  commands: CommandContext;
  /** The live editor: several keys can arrive in one read, before React renders again. */
  editor: RefObject<PromptEditor>;
  edit: (edit: PromptEdit) => void;
}

/** A key while the prompt has focus: editing, history, and Enter, which always sends. */
export function promptKey({ commands, editor: live, edit }: PromptKeys, input: string, key: Key): void {
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
  if (key.backspace) {
    edit({ type: 'backspace' });
    return;
  }
  if (key.delete) {
    edit({ type: 'delete' });
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
