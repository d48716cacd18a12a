import {
  type AnsiCode,
  ansiCodesToString,
  diffAnsiCodes,
  reduceAnsiCodesIncremental,
  type StyledChar,
  styledCharsFromTokens,
  styledCharsToString,
  tokenize,
} from '@alcalzone/ansi-tokenize';
import stringWidth from 'string-width';
import { flatString } from '../../store/flat-string.js';
import { LineCache } from './line-cache.js';
import { forgetSgrCodes, plainChars, sgrCodes, sgrEnd } from './plain-chars.js';

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
const lines = new LineCache<StyledLine>(GENERATION);
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
  return lines.get(line, measure);
}

function measure(line: string): StyledLine {
  return measureRuns(line) ?? measureChars(line);
}

/** Ink's way, a styled character at a time: any text (graphemes, links, stray escapes). */
function measureChars(line: string): StyledLine {
  const chars = styledChars(line);
  let width = 0;
  for (const char of chars) width += charWidth(char.value);
  const first = chars[0]?.styles ?? [];
  const last = chars.at(-1)?.styles ?? [];
  return {
    // Built a character at a time: flat, it costs a byte a character rather than a tree node.
    text: flatString(styledCharsToString(chars)),
    width,
    first,
    last,
    open: ansiCodesToString(first).length,
    close: ansiCodesToString(diffAnsiCodes(last, [])).length,
  };
}

const ESC = 0x1b;

/**
 * The same result a run of text at a time, for a line of SGR codes and characters that are each
 * a grapheme of their own (what our panes write): the characters between two codes share their
 * styles, and styledCharsToString puts nothing between two characters with the same styles.
 * Ink's per-character path (a grapheme segmenter, objects and sets per character) cost 0.3–1 ms
 * for a 40-character line. Undefined for any other line, which takes Ink's way.
 */
function measureRuns(line: string): StyledLine | undefined {
  let codes: AnsiCode[] = [];
  let first: AnsiCode[] | undefined;
  let last: AnsiCode[] = [];
  let text = '';
  let width = 0;
  let open = 0;
  let at = 0;
  while (at < line.length) {
    if (line.charCodeAt(at) === ESC) {
      const end = sgrEnd(line, at);
      if (end === -1) return undefined;
      codes = reduceAnsiCodesIncremental(codes, sgrCodes(line.slice(at, end + 1)));
      at = end + 1;
      continue;
    }
    const start = at;
    while (at < line.length) {
      const code = line.charCodeAt(at);
      if (code >= 0x20 && code <= 0x7e) width++;
      else if (ownGrapheme(code)) width += charWidth(line[at] as string);
      else if (code === ESC) break;
      else return undefined;
      at++;
    }
    if (first === undefined) {
      first = codes;
      text = ansiCodesToString(codes);
      open = text.length;
    } else text += ansiCodesToString(diffAnsiCodes(last, codes));
    text += line.slice(start, at);
    last = codes;
  }
  if (first === undefined) return { text: '', width: 0, first: [], last: [], open: 0, close: 0 };
  const closing = ansiCodesToString(diffAnsiCodes(last, []));
  return { text: text + closing, width, first, last, open, close: closing.length };
}

/**
 * Characters that are a grapheme alone, whatever comes before or after them, among those our
 * lines use: Latin-1, punctuation, arrows, technical and geometric symbols, box drawing,
 * dingbats. None is a combining mark, a joiner, a prepend or a surrogate; a line that has any
 * of those (or a variation selector after one of these) is not taken here at all.
 */
function ownGrapheme(code: number): boolean {
  return (
    (code >= 0xa0 && code <= 0xff && code !== 0xad) ||
    (code >= 0x2010 && code <= 0x2027) ||
    (code >= 0x2030 && code <= 0x205e) ||
    (code >= 0x2190 && code <= 0x23ff) ||
    (code >= 0x2500 && code <= 0x27bf)
  );
}

/** Forgets every line, so a measurement starts as a new process would. */
export function forgetStyledLines(): void {
  lines.clear();
  widths.clear();
  forgetSgrCodes();
}
