import type { Key } from '../input/decode.js';
import { ACTIONS, type KeyContext } from '../input/key-actions.js';
import { bindingFor } from '../input/key-dispatch.js';
import { typeText } from '../input/prompt-keys.js';
import { isSearchAction, searchText } from '../input/search-keys.js';
import { mouseWheel } from './use-mouse-wheel.js';
import { useTerminalInput } from './use-terminal-input.js';

/** Every key and paste of the notebook, dispatched through the keymap. Keys change the store, never the screen. */
export function useNotebookKeys(keys: KeyContext): void {
  useTerminalInput((input) => {
    if (input.kind === 'paste') pasteText(keys, input.text);
    else if (input.kind === 'mouse') mouseWheel(keys, input.report);
    else handleKey(keys, input.input, input.key);
  });
}

/**
 * Pasted text goes into the prompt as it is, newlines and escapes and all; a paste never sends.
 * While Ctrl+R's search is open, it is searched for.
 */
function pasteText(keys: KeyContext, text: string): void {
  const { session } = keys.commands;
  if (session.state.view.focus !== 'prompt') session.view(() => ({ focus: 'prompt', page: null }));
  if (session.state.view.search) searchText(keys, text);
  else keys.edit({ type: 'insert', text });
}

function handleKey(keys: KeyContext, input: string, key: Key): void {
  const { session } = keys.commands;
  // Read the store now, not as last rendered: earlier keys of the same read may have changed it.
  let now = { state: session.state, prompt: keys.editor.current.value };
  let binding = bindingFor(input, key, now);
  // As in readline, a key that is not the search's ends it with its match taken, then does its own thing.
  if (binding && now.state.view.search && !isSearchAction(binding.action)) {
    ACTIONS['search-accept'](keys, binding.key);
    now = { state: session.state, prompt: keys.editor.current.value };
    binding = bindingFor(input, key, now);
  }
  // Any other key takes a question to quit back; Enter keeps it, so the line a /quit gave back can confirm it.
  if (binding?.action !== 'quit' && now.state.quitArmed !== null && !key.return) session.armQuit(null);
  if (binding) ACTIONS[binding.action](keys, binding.key);
  else if (now.state.view.focus === 'prompt') typeText(keys, input, key);
}
