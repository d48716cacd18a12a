import {
  type AnsiCode,
  ansiCodesToString,
  diffAnsiCodes,
  type StyledChar,
  styledCharsFromTokens,
  styledCharsToString,
  tokenize,
} from '@alcalzone/ansi-tokenize';
import stringWidth from 'string-width';
import { forgetSgrCodes, plainChars } from './plain-chars.js';

/**
 * One written line as Ink's Output prints it: its styles re-encoded by ansi-tokenize (so
 * joining lines gives the bytes Ink would give), and the columns Ink gives it.
 */
export interface StyledLine {
  /** The line as `styledCharsToString` prints its characters, ending with its styles closed. */
  text: string;
  /** Columns as Ink counts them: each character at least one, wide ones their string width. */
  width: number;
  /** The styles of the first and last characters, and the codes `text` opens and closes them with. */
  first: AnsiCode[];
  last: AnsiCode[];
  open: number;
  close: number;
}

/** Lines kept from frame to frame; two generations, so memory stays bounded and hot lines stay. */
const GENERATION = 4000;
let current = new Map<string, StyledLine>();
let previous = new Map<string, StyledLine>();
const widths = new Map<string, number>();

/** The columns Ink's Output gives one character (`Math.max(1, stringWidth(value))`). */
export function charWidth(value: string): number {
  let width = widths.get(value);
  if (width === undefined) {
    width = Math.max(1, stringWidth(value));
    if (widths.size > GENERATION) widths.clear();
    widths.set(value, width);
  }
  return width;
}

/** The characters Ink's Output places for a line: tokenized, each with the styles in force. */
export function styledChars(line: string): StyledChar[] {
  return plainChars(line) ?? styledCharsFromTokens(tokenize(line));
}

/** A line's styled form, tokenized once for as long as frames keep showing it. */
export function styledLine(line: string): StyledLine {
  let found = current.get(line);
  if (found !== undefined) return found;
  found = previous.get(line) ?? measure(line);
  if (current.size >= GENERATION) {
    previous = current;
    current = new Map();
  }
  current.set(line, found);
  return found;
}

function measure(line: string): StyledLine {
  const chars = styledChars(line);
  let width = 0;
  for (const char of chars) width += charWidth(char.value);
  const first = chars[0]?.styles ?? [];
  const last = chars.at(-1)?.styles ?? [];
  return {
    text: styledCharsToString(chars),
    width,
    first,
    last,
    open: ansiCodesToString(first).length,
    close: ansiCodesToString(diffAnsiCodes(last, [])).length,
  };
}

/** Forgets every line, so a measurement starts as a new process would. */
export function forgetStyledLines(): void {
  current = new Map();
  previous = new Map();
  widths.clear();
  forgetSgrCodes();
}
