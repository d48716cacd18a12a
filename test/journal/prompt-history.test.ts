import { appendFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  PROMPT_MAX_CHARS,
  PROMPTS_KEPT,
  PromptHistory,
  promptsPath,
  readPrompts,
  TAIL_BYTES,
  withEarlierPrompts,
} from '../../src/journal/prompt-history.js';
import { initialState } from '../../src/store/session-state.js';
import { tempStateDir } from '../support/journaled.js';
import { SETTINGS } from '../support/turns.js';

/** A state dir that does not exist yet, inside a temp folder of its own. */
function stateDir(): string {
  const state = tempStateDir();
  onTestFinished(state.remove);
  return join(state.dir, 'state');
}

/** A run's history on `dir`: what it recalls from earlier runs, and its warnings. */
function run(dir: string, save = true) {
  const warnings: string[] = [];
  const history = new PromptHistory(promptsPath(dir), { save, warn: (line) => warnings.push(line) });
  return { history, warnings };
}

const fileLines = (dir: string) => readFileSync(promptsPath(dir), 'utf8').split('\n').slice(0, -1);

describe('the prompt history file', () => {
  it('gives a later run the prompts of earlier ones, oldest first', () => {
    const dir = stateDir();
    const first = run(dir).history;
    first.add('one');
    first.add('two');
    const second = run(dir).history;
    expect(second.earlier).toEqual(['one', 'two']);
    second.add('three');
    expect(run(dir).history.earlier).toEqual(['one', 'two', 'three']);
  });

  it('is made 0600 in a folder made 0700, one JSON string a line', () => {
    const dir = stateDir();
    run(dir).history.add('hello\nworld');
    expect(statSync(promptsPath(dir)).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(fileLines(dir)).toEqual(['"hello\\nworld"']);
  });

  it('does not write a repeat of the prompt before it, and reads two runs’ repeats as one', () => {
    const dir = stateDir();
    const { history } = run(dir);
    history.add('same');
    history.add('same');
    history.add('other');
    history.add('same');
    expect(fileLines(dir)).toEqual(['"same"', '"other"', '"same"']);
    // Two runs open at once each write their own prompt, the same one.
    appendFileSync(promptsPath(dir), '"same"\n"same"\n');
    expect(run(dir).history.earlier).toEqual(['same', 'other', 'same']);
    const next = run(dir).history;
    next.add('same');
    expect(fileLines(dir)).toHaveLength(5);
  });

  it.each([
    ['a torn last line', '"half a pro'],
    ['a corrupt line', '\u0000\u00ff garbage \u001b[2J'],
    ['a line that is JSON but no string', '{"prompt":"x"}'],
    ['a number', '42'],
    ['a blank prompt', '"   "'],
  ])('skips %s and loads the rest', (_, line) => {
    const dir = stateDir();
    const { history } = run(dir);
    history.add('before');
    appendFileSync(promptsPath(dir), `${line}\n`);
    appendFileSync(promptsPath(dir), '"after"\n');
    appendFileSync(promptsPath(dir), line);
    const next = run(dir);
    expect(next.history.earlier).toEqual(['before', 'after']);
    expect(next.warnings).toEqual([]);
  });

  it('keeps the newest PROMPTS_KEPT prompts', () => {
    const dir = stateDir();
    mkdirSync(dir, { recursive: true });
    const all = Array.from({ length: PROMPTS_KEPT + 500 }, (_, i) => `prompt ${i}`);
    writeFileSync(promptsPath(dir), all.map((p) => `${JSON.stringify(p)}\n`).join(''));
    const { earlier } = run(dir).history;
    expect(earlier).toHaveLength(PROMPTS_KEPT);
    expect(earlier[0]).toBe('prompt 500');
    expect(earlier.at(-1)).toBe(`prompt ${PROMPTS_KEPT + 499}`);
  });

  it('does not save a prompt longer than PROMPT_MAX_CHARS (a pasted megabyte), and skips one put there by hand', () => {
    const dir = stateDir();
    const { history } = run(dir);
    const huge = 'x'.repeat(1024 * 1024);
    history.add('small');
    history.add(huge);
    history.add('x'.repeat(PROMPT_MAX_CHARS));
    expect(fileLines(dir).map((line) => line.length)).toEqual([7, PROMPT_MAX_CHARS + 2]);
    appendFileSync(promptsPath(dir), `${JSON.stringify(huge)}\n"last"\n`);
    expect(run(dir).history.earlier).toEqual(['small', 'x'.repeat(PROMPT_MAX_CHARS), 'last']);
  });

  it('reads only the tail of a large file, from its first whole line', () => {
    const dir = stateDir();
    mkdirSync(dir, { recursive: true });
    const path = promptsPath(dir);
    // The tail begins exactly where a string begins inside the first line: what a prompt's end
    // looks like. It is a piece of that line, so it is not taken for a prompt.
    const planted = '"planted"\n';
    const rest = `"old"\n${'0'.repeat(TAIL_BYTES - planted.length - 13)}\n"new"\n`;
    expect(planted.length + rest.length).toBe(TAIL_BYTES);
    writeFileSync(path, `${'g'.repeat(1000)}${planted}${rest}`);
    expect(readPrompts(path, () => {})).toEqual(['old', 'new']);
    // One line longer than the tail, and nothing after it: no prompt at all.
    writeFileSync(path, `${JSON.stringify('z'.repeat(TAIL_BYTES + 10))}`);
    expect(readPrompts(path, () => {})).toEqual([]);
  });

  it('keeps hostile text exactly, with no raw control byte in the file', () => {
    const dir = stateDir();
    const hostile = 'red \u001b[31mALERT\u001b[0m \u0007\u009b2J \u202eevil\u202c \u001b]52;c;aGk=\u0007';
    run(dir).history.add(hostile);
    const bytes = readFileSync(promptsPath(dir));
    expect(bytes.includes(0x1b)).toBe(false);
    expect(bytes.includes(0x07)).toBe(false);
    expect(run(dir).history.earlier).toEqual([hostile]);
  });

  it('reads invalid UTF-8 as U+FFFD and goes on', () => {
    const dir = stateDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      promptsPath(dir),
      Buffer.concat([Buffer.from('"bad '), Buffer.from([0xff, 0xc3]), Buffer.from('"\n"good"\n')]),
    );
    expect(run(dir).history.earlier).toEqual(['bad \ufffd\ufffd', 'good']);
  });

  it('with --no-save writes nothing, and still recalls earlier prompts', () => {
    const dir = stateDir();
    run(dir).history.add('saved');
    const unsaved = run(dir, false).history;
    expect(unsaved.earlier).toEqual(['saved']);
    unsaved.add('not saved');
    expect(fileLines(dir)).toEqual(['"saved"']);
  });

  it('a missing file is an empty history, without a warning', () => {
    const { history, warnings } = run(stateDir());
    expect(history.earlier).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it("a history that can't be read or written warns once each, naming the fix, and the run goes on", () => {
    const dir = stateDir();
    // The history's path is a folder: neither readable as a file nor writable.
    mkdirSync(promptsPath(dir), { recursive: true });
    const { history, warnings } = run(dir);
    history.add('one');
    history.add('two');
    expect(history.earlier).toEqual([]);
    expect(warnings).toEqual([
      `can't read prompt history ${promptsPath(dir)} (EISDIR); Up recalls this run's prompts only`,
      `can't save prompt history in ${dir} (EISDIR); going on without it: set --state-dir DIR, or --no-save`,
    ]);
  });

  it("starts a run with the earlier prompts; a resumed session's own are kept only when there are none", () => {
    const fresh = initialState(SETTINGS, { offline: true, describe: 'offline' }, 'chat');
    const resumed = { ...fresh, promptHistory: ['resumed one'] };
    // The file holds the resumed session's prompts too, in the order they were sent.
    expect(withEarlierPrompts(resumed, ['resumed one', 'elsewhere']).promptHistory).toEqual([
      'resumed one',
      'elsewhere',
    ]);
    expect(withEarlierPrompts(resumed, []).promptHistory).toEqual(['resumed one']);
  });
});
