import { NEW_SEARCH, searchErased, searchMatch, searchOlder, searchTyped } from './history-search.js';
import type { Action } from './keymap.js';
import type { PromptKeys } from './prompt-keys.js';

type SearchAction = Extract<Action, `search-${string}`>;

/** Ctrl+R's actions: the search lives in the store's view; the prompt is touched only on Enter. */
export const SEARCH_ACTIONS: Record<SearchAction, (keys: PromptKeys) => void> = {
  // From any pane: the search is shown, and typed, at the prompt.
  'search-start': ({ commands }) =>
    commands.session.view(() => ({ search: NEW_SEARCH, focus: 'prompt', help: false })),
  'search-older': ({ commands }) => {
    const history = commands.session.state.promptHistory;
    commands.session.view((view) => ({ search: searchOlder(view.search ?? NEW_SEARCH, history) }));
  },
  'search-erase': ({ commands }) => {
    const history = commands.session.state.promptHistory;
    commands.session.view((view) => ({ search: searchErased(view.search ?? NEW_SEARCH, history) }));
  },
  // Enter puts the match in the prompt to edit or send; it does not send it.
  'search-accept': ({ commands, edit }) => {
    const { search } = commands.session.state.view;
    const match = search ? searchMatch(search, commands.session.state.promptHistory) : null;
    commands.session.view(() => ({ search: null }));
    if (match !== null) edit({ type: 'set', value: match });
  },
  // The prompt was never changed by the search, so closing it gives back what was typed.
  'search-cancel': ({ commands }) => commands.session.view(() => ({ search: null })),
};

/** Whether an action belongs to the search; any other key ends the search by taking its match first. */
export function isSearchAction(action: Action): action is SearchAction {
  return action in SEARCH_ACTIONS;
}

/** Text typed or pasted while the search is open narrows it. */
export function searchText({ commands }: PromptKeys, text: string): void {
  const history = commands.session.state.promptHistory;
  commands.session.view((view) => ({ search: searchTyped(view.search ?? NEW_SEARCH, history, text) }));
}
