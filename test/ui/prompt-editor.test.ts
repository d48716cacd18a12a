import { describe, expect, it } from 'vitest';
import {
  EMPTY_PROMPT,
  editPrompt,
  linesAroundCursor,
  type PromptEdit,
  type PromptEditor,
  promptLineCount,
} from '../../src/ui/input/prompt-editor.js';

function edits(start: PromptEditor, ...list: PromptEdit[]): PromptEditor {
  return list.reduce(editPrompt, start);
}

function at(value: string, cursor = value.length): PromptEditor {
  return { value, cursor, recall: null };
}

/** The value with a | where the cursor is. */
function shown(editor: PromptEditor): string {
  return `${editor.value.slice(0, editor.cursor)}|${editor.value.slice(editor.cursor)}`;
}

const HISTORY = ['first prompt', 'second prompt'];

describe('the prompt editor', () => {
  it('inserts at the cursor and moves it past the text', () => {
    expect(shown(edits(EMPTY_PROMPT, { type: 'insert', text: 'hello' }))).toBe('hello|');
    expect(shown(edits(at('held', 3), { type: 'insert', text: 'lo wor' }))).toBe('hello wor|d');
  });

  it('turns pasted CRLF and CR line ends into newlines', () => {
    expect(edits(EMPTY_PROMPT, { type: 'insert', text: 'a\r\nb\rc' }).value).toBe('a\nb\nc');
  });

  it('backspace deletes before the cursor, delete after it, and both stop at the edges', () => {
    expect(shown(edits(at('abc', 2), { type: 'backspace' }))).toBe('a|c');
    expect(shown(edits(at('abc', 0), { type: 'backspace' }))).toBe('|abc');
    expect(shown(edits(at('abc', 1), { type: 'delete' }))).toBe('a|c');
    expect(shown(edits(at('abc'), { type: 'delete' }))).toBe('abc|');
  });

  it('moves left and right within the text only', () => {
    expect(shown(edits(at('ab'), { type: 'left' }, { type: 'left' }, { type: 'left' }))).toBe('|ab');
    expect(shown(edits(at('ab', 0), { type: 'right' }, { type: 'right' }, { type: 'right' }))).toBe('ab|');
  });

  it('Home and End go to the start and end of the current line', () => {
    expect(shown(edits(at('one\ntwo\nthree', 6), { type: 'home' }))).toBe('one\n|two\nthree');
    expect(shown(edits(at('one\ntwo\nthree', 5), { type: 'end' }))).toBe('one\ntwo|\nthree');
    expect(shown(edits(at('one', 1), { type: 'home' }))).toBe('|one');
    expect(shown(edits(at('one', 1), { type: 'end' }))).toBe('one|');
  });

  it('clear-line (Ctrl+U) deletes from the start of the line to the cursor', () => {
    expect(shown(edits(at('keep\ndrop this', 14), { type: 'clear-line' }))).toBe('keep\n|');
    expect(shown(edits(at('drop rest', 4), { type: 'clear-line' }))).toBe('| rest');
  });

  it('delete-word (Ctrl+W) deletes the word before the cursor and the spaces after it', () => {
    expect(shown(edits(at('hello big world'), { type: 'delete-word' }))).toBe('hello big |');
    expect(shown(edits(at('hello world  '), { type: 'delete-word' }))).toBe('hello |');
    expect(shown(edits(at('hello world', 5), { type: 'delete-word' }))).toBe('| world');
    expect(shown(edits(at(''), { type: 'delete-word' }))).toBe('|');
  });

  it('Up and Down move between the lines of a multi-line prompt, keeping the column', () => {
    const three = at('first line\nab\nthird line', 24); // end of "third line"
    const up = edits(three, { type: 'up', history: HISTORY });
    expect(shown(up)).toBe('first line\nab|\nthird line');
    const upAgain = edits(up, { type: 'up', history: HISTORY });
    expect(shown(upAgain)).toBe('fi|rst line\nab\nthird line');
    const down = edits(at('first line\nab\nthird line', 8), { type: 'down', history: HISTORY });
    expect(shown(down)).toBe('first line\nab|\nthird line');
    const downAgain = edits(down, { type: 'down', history: HISTORY });
    expect(shown(downAgain)).toBe('first line\nab\nth|ird line');
    // Moving within lines recalls nothing.
    expect(downAgain.recall).toBeNull();
  });

  it('Up on the first line recalls earlier prompts, newest first, and stops at the oldest', () => {
    const draft = at('my draft');
    const one = edits(draft, { type: 'up', history: HISTORY });
    expect(shown(one)).toBe('second prompt|');
    const two = edits(one, { type: 'up', history: HISTORY });
    expect(shown(two)).toBe('first prompt|');
    const three = edits(two, { type: 'up', history: HISTORY });
    expect(three).toEqual(two);
  });

  it('Down after recalling goes forward through history and then restores the draft', () => {
    const recalled = edits(
      at('my draft'),
      { type: 'up', history: HISTORY },
      { type: 'up', history: HISTORY },
    );
    const newer = edits(recalled, { type: 'down', history: HISTORY });
    expect(shown(newer)).toBe('second prompt|');
    const back = edits(newer, { type: 'down', history: HISTORY });
    expect(back).toEqual({ value: 'my draft', cursor: 8, recall: null });
    // Without a recall, Down on the last line does nothing.
    expect(edits(back, { type: 'down', history: HISTORY })).toEqual(back);
  });

  it('Up with no history leaves the prompt as it is', () => {
    const draft = at('draft', 2);
    expect(edits(draft, { type: 'up', history: [] })).toEqual(draft);
  });

  it('typing into a recalled prompt makes it the new draft', () => {
    const edited = edits(at('draft'), { type: 'up', history: HISTORY }, { type: 'insert', text: '!' });
    expect(edited).toEqual({ value: 'second prompt!', cursor: 14, recall: null });
    expect(shown(edits(edited, { type: 'up', history: HISTORY }))).toBe('second prompt|');
    expect(edits(edited, { type: 'up', history: HISTORY }, { type: 'down', history: HISTORY }).value).toBe(
      'second prompt!',
    );
  });

  it('set replaces the whole prompt and puts the cursor at its end', () => {
    expect(edits(at('old', 1), { type: 'set', value: '/help ' })).toEqual({
      value: '/help ',
      cursor: 6,
      recall: null,
    });
  });
});

describe('the prompt in view', () => {
  const editor = (value: string, cursor = value.length) => ({ value, cursor, recall: null });

  it('counts lines no further than asked', () => {
    expect(promptLineCount('', 6)).toBe(1);
    expect(promptLineCount('a\nb\nc', 6)).toBe(3);
    expect(promptLineCount('\n'.repeat(1_000_000), 6)).toBe(6);
  });

  it('shows the cursor line at the bottom with the lines above it', () => {
    const view = linesAroundCursor(editor('l1\nl2\nl3\nl4\nl5'), 3);
    expect(view).toEqual({ lines: ['l3', 'l4', 'l5'], fromTop: false, cursorLine: 2, cursorColumn: 2 });
  });

  it('fills from the top, with lines below the cursor, when there are few above', () => {
    const view = linesAroundCursor(editor('l1\nl2\nl3\nl4\nl5', 4), 3);
    expect(view).toEqual({ lines: ['l1', 'l2', 'l3'], fromTop: true, cursorLine: 1, cursorColumn: 1 });
    expect(linesAroundCursor(editor('only'), 3)).toEqual({
      lines: ['only'],
      fromTop: true,
      cursorLine: 0,
      cursorColumn: 4,
    });
    expect(linesAroundCursor(editor('a\n'), 3).lines).toEqual(['a', '']);
  });
});
