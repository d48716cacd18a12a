import { parseHeader, parseRecord } from './read-journal.js';
import type { HeaderRecord, JournalRecord } from './records.js';

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

const END = '"type":"end"';
const OURS = '{"r":"';

/** The facts of a session file's text; a JournalError when its header is not one we read. */
export function scanSession(text: string, path: string): SessionFacts {
  const facts: SessionFacts = {
    header: parseHeader(firstLine(text), path),
    firstPrompt: '',
    cells: 0,
    tokens: { input: 0, output: 0 },
  };
  let nextEnd = -1;
  eachLine(text, (start, end) => {
    let record: JournalRecord | null = null;
    if (text.startsWith('{"r":"turn"', start) || !text.startsWith(OURS, start)) {
      record = parseRecord(text.slice(start, end));
    } else if (text.startsWith('{"r":"u"', start)) {
      // Where the next end is, found once for all the lines before it: linear in the file.
      if (nextEnd < start) {
        const at = text.indexOf(END, start);
        nextEnd = at < 0 ? Number.POSITIVE_INFINITY : at;
      }
      if (nextEnd < end) record = parseRecord(text.slice(start, end));
    }
    if (record?.r === 'turn') {
      if (facts.cells++ === 0) facts.firstPrompt = record.prompt;
    } else if (record?.r === 'u' && record.u.type === 'end') {
      const { input, output } = endTokens(record.u.outcome);
      facts.tokens.input += input;
      facts.tokens.output += output;
    }
  });
  return facts;
}

/**
 * Whether a prompt or a reply's text holds `wanted` (lower case). A reply is joined from its
 * pieces first, so a word split across deltas is found.
 */
export function sessionSays(text: string, wanted: string): boolean {
  const replies = new Map<string, Piece[]>();
  const add = (piece: Piece) => {
    const pieces = replies.get(piece.key);
    if (pieces) pieces.push(piece);
    else replies.set(piece.key, [piece]);
  };
  let found = false;
  eachLine(text, (start, end) => {
    if (found) return;
    const piece = textPiece(text, start, end);
    if (piece === 'other') return;
    if (piece !== null) return add(piece);
    const record = parseRecord(text.slice(start, end));
    if (record?.r === 'turn') found = record.prompt.toLowerCase().includes(wanted);
    else if (record?.r === 't' && record.k === undefined)
      add({ key: `${record.c}:${record.i}`, raw: null, line: [start, end] });
  });
  if (found) return true;
  for (const pieces of replies.values())
    if (replyText(text, pieces).toLowerCase().includes(wanted)) return true;
  return false;
}

/** A reply's text piece: its JSON string as written (`raw`), or null to parse its `line`. */
interface Piece {
  key: string;
  raw: string | null;
  line: [number, number];
}

// A text piece as the writer makes it; the text is checked when the pieces are parsed joined.
const PIECE =
  /\{"r":"t","c":([1-9]\d*),"t":-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?,"i":(-?(?:0|[1-9]\d*)),("k":"|"x":")/y;

/** The line's text piece; 'other' for a line a search can pass by; null for one to parse. */
function textPiece(text: string, start: number, end: number): Piece | 'other' | null {
  if (text.startsWith('{"r":"turn"', start) || !text.startsWith(OURS, start)) return null;
  if (!text.startsWith('{"r":"t"', start)) return 'other';
  PIECE.lastIndex = start;
  const match = PIECE.exec(text);
  if (!match || PIECE.lastIndex > end) return null;
  if (match[3] === '"k":"') return 'other';
  const [, c, i] = match;
  if (!Number.isSafeInteger(Number(c)) || !Number.isSafeInteger(Number(i)) || !text.startsWith('"}', end - 2))
    return null;
  return { key: `${c}:${i}`, raw: text.slice(PIECE.lastIndex, end - 2), line: [start, end] };
}

/**
 * A reply's pieces joined: their JSON strings parsed as one, the fast way. One that is not
 * what it seems (an odd backslash at its end would swallow the next piece's first character,
 * a bad escape fails the parse) has each line parsed on its own, as reading the file would.
 */
function replyText(text: string, pieces: Piece[]): string {
  if (pieces.every((piece) => piece.raw !== null && evenBackslashesAtEnd(piece.raw))) {
    try {
      return JSON.parse(`"${pieces.map((piece) => piece.raw).join('')}"`) as string;
    } catch {
      // Parsed line by line below.
    }
  }
  return pieces
    .map(({ line: [start, end] }) => {
      const record = parseRecord(text.slice(start, end));
      return record?.r === 't' && record.k === undefined ? record.x : '';
    })
    .join('');
}

function evenBackslashesAtEnd(raw: string): boolean {
  let at = raw.length;
  while (at > 0 && raw.charCodeAt(at - 1) === 0x5c) at--;
  return (raw.length - at) % 2 === 0;
}

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return end < 0 ? text : text.slice(0, end);
}

/** Calls `line` with the bounds of each line after the header that is not empty. */
function eachLine(text: string, line: (start: number, end: number) => void): void {
  let start = text.indexOf('\n') + 1;
  while (start > 0 && start < text.length) {
    const next = text.indexOf('\n', start);
    const end = next < 0 ? text.length : next;
    if (end > start) line(start, end);
    start = end + 1;
  }
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
