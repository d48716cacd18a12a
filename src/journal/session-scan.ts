import { parseHeader, parseRecord } from './read-journal.js';
import type { HeaderRecord } from './records.js';

/**
 * What /sessions needs from a session file, read without parsing its wire records. A 20k-delta
 * turn is 40k lines of deltas and text pieces; parsing them all froze the list for seconds. The
 * writer puts `r` first, so a line's kind is its first bytes: only turns, ends and lines we
 * did not write (hand edits) are parsed, and a search parses turns and joins text pieces.
 */
export interface SessionFacts {
  header: HeaderRecord;
  firstPrompt: string;
  cells: number;
  tokens: { input: number; output: number };
}

// The lines after the header that a summary needs: a turn, an end, and any line not starting
// as ours do (a hand edit, parsed to be sure). Deltas, events and text pieces are passed by.
const SUMMARY_LINE = /\n(?:(?=\{"r":"u"[^\n]*"type":"end")|(?!\{"r":"(?:d|e|t|u|session|broke)"))/g;

// The lines a search needs: a reply's text piece as the writer makes it, its text captured
// (group 4; checked when the pieces are parsed joined); a thinking or tool piece (no group 4),
// passed by; and, zero-width, a turn or any line to parse (a text piece written otherwise).
const SEARCH_LINE =
  /\n(?:\{"r":"t","c":([1-9]\d*),"t":(-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?),"i":(-?(?:0|[1-9]\d*)),(?:"x":"([^\n]*)"\}(?=\n|$)|"k":")|(?!\{"r":"(?:d|e|u|session|broke)"))/g;

/** The facts of a session file's text; a JournalError when its header is not one we read. */
export function scanSession(text: string, path: string): SessionFacts {
  const header = parseHeader(text.slice(0, lineEnd(text, 0)), path);
  const facts: SessionFacts = { header, firstPrompt: '', cells: 0, tokens: { input: 0, output: 0 } };
  for (const { index } of text.matchAll(SUMMARY_LINE)) {
    const record = parseRecord(text.slice(index + 1, lineEnd(text, index + 1)));
    if (record?.r === 'turn') {
      if (facts.cells++ === 0) facts.firstPrompt = record.prompt;
    } else if (record?.r === 'u' && record.u.type === 'end') {
      const { input, output } = endTokens(record.u.outcome);
      facts.tokens.input += input;
      facts.tokens.output += output;
    }
  }
  return facts;
}

/**
 * Whether a prompt or a reply's text holds `wanted` (lower case). A reply is joined from its
 * pieces first, so a word split across deltas is found.
 */
export function sessionSays(text: string, wanted: string): boolean {
  const replies = new Map<string, Reply>();
  // Pieces come in runs of one reply: the last one is kept at hand.
  let last: Reply = { raw: '', fast: true };
  let [lastC, lastI] = ['', ''];
  for (const piece of textPieces(text)) {
    if (piece.kind === 'turn') {
      if (piece.prompt.toLowerCase().includes(wanted)) return true;
      continue;
    }
    const { c, i, raw } = piece;
    if (c !== lastC || i !== lastI) {
      [lastC, lastI] = [c, i];
      const key = `${c}:${i}`;
      last = replies.get(key) ?? { raw: '', fast: true };
      replies.set(key, last);
    }
    // An odd backslash at a piece's end would swallow the next piece's first character.
    if (raw === null || !evenBackslashesAtEnd(raw)) last.fast = false;
    else last.raw += raw;
  }
  for (const [key, reply] of replies)
    if (replyText(text, key, reply).toLowerCase().includes(wanted)) return true;
  return false;
}

/** A reply's text pieces joined as written (JSON string contents), while all are as we write them. */
interface Reply {
  raw: string;
  fast: boolean;
}

type Found = { kind: 'turn'; prompt: string } | { kind: 'piece'; c: string; i: string; raw: string | null };

/**
 * The prompts and reply text pieces of a session file's text, in order. A piece as the writer
 * makes it comes with its text as written (`raw`); one written otherwise is parsed, raw null.
 */
function* textPieces(text: string): Generator<Found> {
  for (const match of text.matchAll(SEARCH_LINE)) {
    const [, c, t, i, raw] = match;
    if (c !== undefined && raw === undefined) continue;
    if (raw !== undefined && safe(c, t, i)) {
      yield { kind: 'piece', c: c as string, i: i as string, raw };
      continue;
    }
    const record = parseRecord(text.slice(match.index + 1, lineEnd(text, match.index + 1)));
    if (record?.r === 'turn') yield { kind: 'turn', prompt: record.prompt };
    else if (record?.r === 't' && record.k === undefined)
      yield { kind: 'piece', c: String(record.c), i: String(record.i), raw: null };
  }
}

/** Whether a text piece's numbers are what reading it would accept (the pattern checks the rest). */
function safe(c = '', t = '', i = ''): boolean {
  // Short digits are safe integers, and only an exponent can make a number infinite.
  if (c.length < 16 && i.length < 16 && !/[eE]/.test(t)) return true;
  return Number.isSafeInteger(Number(c)) && Number.isFinite(Number(t)) && Number.isSafeInteger(Number(i));
}

/**
 * A reply's text: its pieces' JSON strings parsed as one, the fast way. A reply with a piece
 * that is not what it seems (a bad escape fails the parse) has its lines parsed one by one, as
 * reading the file would.
 */
function replyText(text: string, key: string, { raw, fast }: Reply): string {
  if (fast) {
    try {
      return JSON.parse(`"${raw}"`) as string;
    } catch {
      // Read line by line below.
    }
  }
  let joined = '';
  for (const match of text.matchAll(SEARCH_LINE)) {
    const record = parseRecord(text.slice(match.index + 1, lineEnd(text, match.index + 1)));
    if (record?.r === 't' && record.k === undefined && `${record.c}:${record.i}` === key) joined += record.x;
  }
  return joined;
}

function evenBackslashesAtEnd(raw: string): boolean {
  let at = raw.length;
  while (at > 0 && raw.charCodeAt(at - 1) === 0x5c) at--;
  return (raw.length - at) % 2 === 0;
}

/** Where the line starting at `start` ends (its line break, or the end of the text). */
function lineEnd(text: string, start: number): number {
  const end = text.indexOf('\n', start);
  return end < 0 ? text.length : end;
}

/**
 * A turn's tokens as turnEnded adds them: the input count always, the output count only when
 * it is final. The file may have been edited by hand: anything not a count counts as none.
 */
function endTokens(outcome: unknown): { input: number; output: number } {
  const { message, metrics } = (outcome ?? {}) as {
    message?: { usage?: { input_tokens?: unknown; output_tokens?: unknown } } | null;
    metrics?: { usageFinal?: unknown };
  };
  const usage = message?.usage;
  return {
    input: count(usage?.input_tokens),
    output: metrics?.usageFinal === true ? count(usage?.output_tokens) : 0,
  };
}

function count(value: unknown): number {
  return Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : 0;
}
