import { describe, expect, it } from 'vitest';
import { editPrompt, type PromptEdit, type PromptEditor } from '../../../src/ui/input/prompt-editor.js';

function at(value: string, cursor = value.length): PromptEditor {
  return { value, cursor, recall: null };
}

/** The value with a | where the cursor is, after the edits. */
function shownAfter(start: PromptEditor, ...list: PromptEdit[]): string {
  const editor = list.reduce(editPrompt, start);
  return `${editor.value.slice(0, editor.cursor)}|${editor.value.slice(editor.cursor)}`;
}

describe("the prompt's readline keys", () => {
  it('Alt+B goes to the start of the word before the cursor, and past punctuation', () => {
    expect(shownAfter(at('hello brave world'), { type: 'word-left' })).toBe('hello brave |world');
    expect(shownAfter(at('hello brave world', 12), { type: 'word-left' })).toBe('hello |brave world');
    expect(shownAfter(at('say "hi", ok', 9), { type: 'word-left' })).toBe('say "|hi", ok');
    expect(shownAfter(at('one', 0), { type: 'word-left' })).toBe('|one');
  });

  it('Alt+F goes to the end of the next word, across lines', () => {
    expect(shownAfter(at('hello brave world', 0), { type: 'word-right' })).toBe('hello| brave world');
    expect(shownAfter(at('hello brave world', 5), { type: 'word-right' })).toBe('hello brave| world');
    expect(shownAfter(at('end\nnext', 3), { type: 'word-right' })).toBe('end\nnext|');
    expect(shownAfter(at('one'), { type: 'word-right' })).toBe('one|');
  });

  it('Ctrl+K deletes from the cursor to the end of its line only', () => {
    expect(shownAfter(at('keep drop', 4), { type: 'clear-to-end' })).toBe('keep|');
    expect(shownAfter(at('one\ntwo three\nfour', 7), { type: 'clear-to-end' })).toBe('one\ntwo|\nfour');
    expect(shownAfter(at('at end'), { type: 'clear-to-end' })).toBe('at end|');
  });

  it('Ctrl+U deletes from the start of the current line of a multi-line prompt to the cursor', () => {
    expect(shownAfter(at('one\ntwo three\nfour', 11), { type: 'clear-line' })).toBe('one\n|ee\nfour');
  });

  it('Ctrl+C empties the prompt, and ↓ brings back what it held', () => {
    const history = ['earlier'];
    const cleared = editPrompt(at('a draft\nof two lines', 3), { type: 'discard', history });
    expect(cleared.value).toBe('');
    expect(shownAfter(cleared, { type: 'down', history })).toBe('a draft\nof two lines|');
    // ↑ recalls history as usual, and ↓ from there comes back to the draft.
    expect(shownAfter(cleared, { type: 'up', history })).toBe('earlier|');
    expect(shownAfter(cleared, { type: 'up', history }, { type: 'down', history })).toBe(
      'a draft\nof two lines|',
    );
  });

  it('Ctrl+C on an empty prompt changes nothing', () => {
    const empty = at('');
    expect(editPrompt(empty, { type: 'discard', history: [] })).toBe(empty);
  });
});
