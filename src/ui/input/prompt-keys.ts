import type { RefObject } from 'react';
import type { CommandContext } from '../../commands/command.js';
import { completeCommand, runCommandLine } from '../../commands/index.js';
import type { Key } from './decode.js';
import type { PromptAction } from './keymap.js';
import type { PromptEdit, PromptEditor } from './prompt-editor.js';
import { searchText } from './search-keys.js';

/** What the prompt's keys act on. */
export interface PromptKeys {
  commands: CommandContext;
  /** The live editor: several keys can arrive in one read, before React renders again. */
  editor: RefObject<PromptEditor>;
  edit: (edit: PromptEdit) => void;
}

/** The prompt's actions: editing, history, completion, and Enter, which always sends. */
export const PROMPT_ACTIONS: Record<PromptAction, (keys: PromptKeys) => void> = {
  send: ({ commands, editor, edit }) => {
    const { value } = editor.current;
    if (!value.endsWith('\\')) submit(commands, value, edit);
    else {
      edit({ type: 'backspace' });
      edit({ type: 'insert', text: '\n' });
    }
  },
  newline: ({ edit }) => edit({ type: 'insert', text: '\n' }),
  'line-up': ({ commands, edit }) => edit({ type: 'up', history: commands.session.state.promptHistory }),
  'line-down': ({ commands, edit }) => edit({ type: 'down', history: commands.session.state.promptHistory }),
  'char-left': ({ edit }) => edit({ type: 'left' }),
  'char-right': ({ edit }) => edit({ type: 'right' }),
  'word-left': ({ edit }) => edit({ type: 'word-left' }),
  'word-right': ({ edit }) => edit({ type: 'word-right' }),
  'line-start': ({ edit }) => edit({ type: 'home' }),
  'line-end': ({ edit }) => edit({ type: 'end' }),
  'delete-back': ({ edit }) => edit({ type: 'backspace' }),
  'delete-forward': ({ edit }) => edit({ type: 'delete' }),
  'delete-word': ({ edit }) => edit({ type: 'delete-word' }),
  'delete-to-start': ({ edit }) => edit({ type: 'clear-line' }),
  'delete-to-end': ({ edit }) => edit({ type: 'clear-to-end' }),
  'clear-prompt': ({ commands, edit }) => {
    commands.session.cancelEdit();
    edit({ type: 'discard', history: commands.session.state.promptHistory });
  },
  complete: ({ commands, editor, edit }) => {
    const matches = completeCommand(editor.current.value);
    if (matches.length === 1) edit({ type: 'set', value: `${matches[0]} ` });
    else if (matches.length > 1) commands.session.toast(matches.join('  '));
  },
};

/** A key no binding takes, while the prompt has focus: the text it types (a control key types none). */
export function typeText(keys: PromptKeys, input: string, key: Key): void {
  if (key.ctrl || (key.meta && input.length <= 1)) return;
  if (keys.commands.session.state.view.search) searchText(keys, input);
  else keys.edit({ type: 'insert', text: input });
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
  // The input holds a cell's prompt (/edit): sending it forks at that cell.
  const editing = commands.session.state.editing;
  const sent = editing ? commands.session.forkAt(editing.cell, value) : commands.session.submit(value);
  if (sent) edit({ type: 'set', value: '' });
}
