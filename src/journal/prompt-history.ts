import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SessionState } from '../store/session-state.js';
import { openFile, writeAll } from './journal-file.js';

/** How many earlier prompts are kept for recall: the newest ones. */
export const PROMPTS_KEPT = 1000;

/**
 * A prompt longer than this (a pasted file) is not saved for later runs: cut short, it would
 * come back as a different prompt that Enter sends, and kept whole, a few such pastes would
 * push every other prompt out of the tail that is read.
 */
export const PROMPT_MAX_CHARS = 64 * 1024;

/** Only the file's tail is read, so a history grown for years costs startup nothing. */
export const TAIL_BYTES = 4 * 1024 * 1024;

/** The history file: one JSON string a line, newest last, shared by every run. */
export function promptsPath(stateDir: string): string {
  return join(stateDir, 'prompts.jsonl');
}

export interface PromptHistoryOptions {
  /** False with --no-save: earlier prompts are recalled, and nothing is written. */
  save: boolean;
  warn: (line: string) => void;
}

/**
 * The prompts of every run, for Up/Down and Ctrl+R: read once at startup, and each prompt
 * appended as it is sent, with one write. A repeat of the prompt before it is not written.
 */
export class PromptHistory {
  readonly path: string;
  /** The prompts of earlier runs, oldest first. */
  readonly earlier: readonly string[];
  readonly #options: PromptHistoryOptions;
  #last: string | undefined;
  #failed = false;

  constructor(path: string, options: PromptHistoryOptions) {
    this.path = path;
    this.#options = options;
    this.earlier = readPrompts(path, options.warn);
    this.#last = this.earlier.at(-1);
  }

  add(prompt: string): void {
    if (!this.#options.save || this.#failed || prompt === this.#last) return;
    this.#last = prompt;
    if (prompt.length > PROMPT_MAX_CHARS) return;
    let fd: number | null = null;
    try {
      fd = openFile(this.path);
      // JSON escapes every control character: the file is safe to `cat`, and a line is one prompt.
      writeAll(fd, Buffer.from(`${JSON.stringify(prompt)}\n`));
    } catch (error) {
      this.#failed = true;
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      this.#options.warn(
        `can't save prompt history in ${dirname(this.path)} (${code}); going on without it: set --state-dir DIR, or --no-save`,
      );
    } finally {
      if (fd !== null) closeSync(fd);
    }
  }
}

/**
 * The newest PROMPTS_KEPT prompts of the file's last TAIL_BYTES, oldest first. A line that is
 * not one JSON string (torn by a kill, or edited) is skipped, and so is a repeat of the line
 * before it (two runs sending the same prompt). A missing file is an empty history.
 */
export function readPrompts(path: string, warn: (line: string) => void): string[] {
  let text: string;
  try {
    text = readTail(path, TAIL_BYTES);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT')
      warn(
        `can't read prompt history ${path} (${code ?? String(error)}); Up recalls this run's prompts only`,
      );
    return [];
  }
  const prompts: string[] = [];
  for (const line of text.split('\n')) {
    const prompt = parsePrompt(line);
    if (prompt !== null && prompt !== prompts.at(-1)) prompts.push(prompt);
  }
  return prompts.slice(-PROMPTS_KEPT);
}

function parsePrompt(line: string): string | null {
  if (!line.startsWith('"')) return null;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'string' && value.trim() !== '' && value.length <= PROMPT_MAX_CHARS
      ? value
      : null;
  } catch {
    return null;
  }
}

/** The file's last `bytes`, from the first whole line in them. */
function readTail(path: string, bytes: number): string {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const start = Math.max(0, size - bytes);
    const buffer = Buffer.alloc(size - start);
    let read = 0;
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, start + read);
      if (n === 0) break;
      read += n;
    }
    const text = buffer.subarray(0, read).toString('utf8');
    // A tail that starts mid-line starts with a piece of a prompt: it is not one.
    if (start === 0) return text;
    const firstBreak = text.indexOf('\n');
    return firstBreak === -1 ? '' : text.slice(firstBreak + 1);
  } finally {
    closeSync(fd);
  }
}

/**
 * A fresh run's state with the earlier runs' prompts to recall. A resumed session's prompts
 * are among them already, saved as they were sent; they are kept only when no file had any.
 */
export function withEarlierPrompts(state: SessionState, earlier: readonly string[]): SessionState {
  return earlier.length === 0 ? state : { ...state, promptHistory: [...earlier] };
}
