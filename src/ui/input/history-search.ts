import type { HistorySearch } from '../../store/session-state.js';

/*
 * Ctrl+R: a reverse search through earlier prompts, as readline's. Typing narrows it from the
 * match shown; Ctrl+R again looks further back. Matching ignores case.
 */

export const NEW_SEARCH: HistorySearch = { query: '', match: null, failed: false };

/** The newest prompt at or before index `from` that holds `query`. */
function findFrom(history: readonly string[], query: string, from: number): number | null {
  const needle = query.toLowerCase();
  for (let at = Math.min(from, history.length - 1); at >= 0; at--)
    if ((history[at] as string).toLowerCase().includes(needle)) return at;
  return null;
}

function found(search: HistorySearch, query: string, match: number | null): HistorySearch {
  return match === null ? { query, match: search.match, failed: true } : { query, match, failed: false };
}

/** Text typed (or pasted) into the search: the match shown, or an older one, that holds it all. */
export function searchTyped(search: HistorySearch, history: readonly string[], text: string): HistorySearch {
  const query = search.query + text;
  return found(search, query, findFrom(history, query, search.match ?? history.length - 1));
}

/** Ctrl+R again: the next older match (with nothing typed, the next older prompt). */
export function searchOlder(search: HistorySearch, history: readonly string[]): HistorySearch {
  const from = search.match === null ? history.length - 1 : search.match - 1;
  return found(search, search.query, findFrom(history, search.query, from));
}

/** Backspace: the query a character shorter, matched again from the newest prompt. */
export function searchErased(search: HistorySearch, history: readonly string[]): HistorySearch {
  const query = [...search.query].slice(0, -1).join('');
  if (query === '') return NEW_SEARCH;
  return found(search, query, findFrom(history, query, history.length - 1));
}

/** The prompt the search shows, if any. */
export function searchMatch(search: HistorySearch, history: readonly string[]): string | null {
  return search.match === null ? null : (history[search.match] ?? null);
}

/** The part of a match shown on the search line: the line that holds the query, around it. */
export interface MatchView {
  before: string;
  hit: string;
  after: string;
}

/**
 * The line of `prompt` where `query` first occurs, cut to `room` columns with the occurrence
 * in view. Only that line is looked at, so a pasted megabyte costs no more than a short prompt.
 */
export function matchView(prompt: string, query: string, room: number): MatchView {
  const at = query === '' ? 0 : Math.max(0, prompt.toLowerCase().indexOf(query.toLowerCase()));
  const start = prompt.lastIndexOf('\n', at - 1) + 1;
  const next = prompt.indexOf('\n', at);
  const end = next === -1 ? prompt.length : next;
  const hitEnd = Math.min(end, at + query.length);
  // Keep the occurrence in view: start the line late enough that it ends inside `room`.
  const from = Math.max(start, Math.min(at, hitEnd - Math.max(1, room)));
  const to = Math.min(end, from + Math.max(0, room));
  return {
    before: prompt.slice(from, Math.min(at, to)),
    hit: prompt.slice(Math.min(at, to), Math.min(hitEnd, to)),
    after: prompt.slice(Math.min(hitEnd, to), to),
  };
}
