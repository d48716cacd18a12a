import { describe, expect, it } from 'vitest';
import {
  matchView,
  NEW_SEARCH,
  searchErased,
  searchMatch,
  searchOlder,
  searchTyped,
} from '../../../src/ui/input/history-search.js';

const HISTORY = ['explain SSE', 'write a haiku', 'Explain pings', 'haiku again'];

describe('the history search', () => {
  it('typing finds the newest prompt that holds the query, ignoring case', () => {
    const search = searchTyped(NEW_SEARCH, HISTORY, 'expl');
    expect(search).toEqual({ query: 'expl', match: 2, failed: false });
    expect(searchMatch(search, HISTORY)).toBe('Explain pings');
  });

  it('typing more narrows from the match shown, never to a newer one', () => {
    const history = ['haiku one', 'hello', 'haiku two'];
    const older = searchOlder(searchTyped(NEW_SEARCH, history, 'h'), history);
    expect(older.match).toBe(1);
    // "ha" is in prompt 2, newer than the match shown: the search goes on back, to prompt 0.
    expect(searchTyped(older, history, 'a')).toEqual({ query: 'ha', match: 0, failed: false });
  });

  it('Ctrl+R again finds the next older match; past the oldest it fails and keeps its match', () => {
    let search = searchTyped(NEW_SEARCH, HISTORY, 'haiku');
    expect(search.match).toBe(3);
    search = searchOlder(search, HISTORY);
    expect(search).toEqual({ query: 'haiku', match: 1, failed: false });
    search = searchOlder(search, HISTORY);
    expect(search).toEqual({ query: 'haiku', match: 1, failed: true });
  });

  it('Ctrl+R with nothing typed walks back through every prompt', () => {
    const first = searchOlder(NEW_SEARCH, HISTORY);
    expect(first.match).toBe(3);
    expect(searchOlder(first, HISTORY).match).toBe(2);
  });

  it('a query that matches nothing fails, keeping the last match', () => {
    const search = searchTyped(searchTyped(NEW_SEARCH, HISTORY, 'write'), HISTORY, 'z');
    expect(search).toEqual({ query: 'writez', match: 1, failed: true });
  });

  it('Backspace shortens the query (by a character, not half a pair) and matches from the newest again', () => {
    const search = searchTyped(NEW_SEARCH, [...HISTORY, 'emoji 😀'], 'write😀');
    expect(searchErased(search, HISTORY)).toEqual({ query: 'write', match: 1, failed: false });
    expect(searchErased(searchTyped(NEW_SEARCH, HISTORY, 'e'), HISTORY)).toEqual(NEW_SEARCH);
  });

  it('an empty history fails without a match', () => {
    expect(searchTyped(NEW_SEARCH, [], 'x')).toEqual({ query: 'x', match: null, failed: true });
    expect(searchMatch(searchOlder(NEW_SEARCH, []), [])).toBeNull();
  });
});

describe('matchView: the line of a match shown on the search line', () => {
  it('shows the line that holds the query, split around it', () => {
    expect(matchView('first line\nthe SSE framing\nlast', 'sse', 40)).toEqual({
      before: 'the ',
      hit: 'SSE',
      after: ' framing',
    });
  });

  it('keeps a match far along a long line in view', () => {
    const line = `${'x'.repeat(1000)}needle${'y'.repeat(1000)}`;
    const view = matchView(line, 'needle', 20);
    expect(view.hit).toBe('needle');
    expect((view.before + view.hit + view.after).length).toBe(20);
  });

  it('looks at one line of a pasted megabyte', () => {
    const huge = `${'a'.repeat(1024 * 1024)}\nfind me\n${'b'.repeat(1024 * 1024)}`;
    expect(matchView(huge, 'find', 80)).toEqual({ before: '', hit: 'find', after: ' me' });
  });

  it('with nothing typed, shows the start of the first line', () => {
    expect(matchView('one\ntwo', '', 10)).toEqual({ before: '', hit: '', after: 'one' });
  });
});
