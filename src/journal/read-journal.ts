import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { type HeaderRecord, JOURNAL_VERSION, type JournalRecord } from './records.js';
import { isSavedUpdate } from './update-shape.js';

export interface ReadJournal {
  header: HeaderRecord;
  records: JournalRecord[];
  /** Lines that were not records (a write torn by a kill, or a hand edit): skipped. */
  skipped: number;
}

/** Why a file is not a session at all: one line that names the fix. */
export class JournalError extends Error {}

/**
 * A session file's records. A torn or corrupt line is skipped and counted, and the rest
 * loads; a file whose first line is not a session header, or from a newer streambook, is
 * refused with a JournalError.
 */
export function readJournal(path: string): ReadJournal {
  return parseJournal(readSessionFile(path).text, path);
}

/**
 * A session file's records, read one line at a time as they are asked for: resuming a long
 * session keeps each parsed record only as long as it takes to apply it, not all of them at
 * once (which cost more in garbage collection than the parsing). `skipped` counts the lines
 * passed over so far.
 */
export interface JournalStream {
  header: HeaderRecord;
  records: Iterable<JournalRecord>;
  readonly skipped: number;
}

export function streamJournal(path: string): JournalStream {
  const text = readSessionFile(path).text;
  const firstEnd = text.indexOf('\n');
  const header = parseHeader(firstEnd === -1 ? text : text.slice(0, firstEnd), path);
  const stream = { header, skipped: 0, records: [] as Iterable<JournalRecord> };
  stream.records = linesAfter(text, firstEnd, (line) => {
    const record = parseRecord(line);
    if (record && record.r !== 'session') return record;
    stream.skipped++;
    return null;
  });
  return stream;
}

/** Each line after `from` (the last, if the file ends with a line break, is none), parsed. */
function* linesAfter(
  text: string,
  from: number,
  parse: (line: string) => JournalRecord | null,
): Generator<JournalRecord> {
  if (from === -1) return;
  let at = from + 1;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end === -1) end = text.length;
    const record = parse(text.slice(at, end));
    if (record) yield record;
    at = end + 1;
  }
}

/** A session file's text, and the mtime and size it was read at. */
export interface SessionFile {
  text: string;
  mtimeMs: number;
  size: number;
}

/**
 * Reads a session file whole. It is opened without blocking and refused unless it is a regular
 * file: reading a FIFO named like a session would wait forever for a writer, keys and all.
 */
export function readSessionFile(path: string): SessionFile {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new JournalError(code === 'ENOENT' ? `no session file at ${path}` : `can't read ${path} (${code})`);
  }
  try {
    const stat = fstatSync(fd);
    // A folder fails the read at once (EISDIR); a FIFO or a device would not.
    if (!stat.isFile() && !stat.isDirectory())
      throw new JournalError(`${path} is not a regular file; move it out of the sessions folder`);
    return { text: readFileSync(fd, 'utf8'), mtimeMs: stat.mtimeMs, size: stat.size };
  } catch (error) {
    if (error instanceof JournalError) throw error;
    throw new JournalError(`can't read ${path} (${(error as NodeJS.ErrnoException).code})`);
  } finally {
    closeSync(fd);
  }
}

export function parseJournal(text: string, path: string): ReadJournal {
  const lines = text.split('\n');
  // The last line of a file written whole ends with a line break, so it is empty.
  if (lines.at(-1) === '') lines.pop();
  const header = parseHeader(lines[0] ?? '', path);
  const records: JournalRecord[] = [];
  let skipped = 0;
  for (let at = 1; at < lines.length; at++) {
    const record = parseRecord(lines[at] as string);
    if (record && record.r !== 'session') records.push(record);
    else skipped++;
  }
  return { header, records, skipped };
}

/** A session file's first line, or a JournalError saying why the file is not one we can read. */
export function parseHeader(line: string, path: string): HeaderRecord {
  const header = parseRecord(line);
  if (header?.r !== 'session') throw new JournalError(`${path} is not a streambook session file`);
  if (header.v > JOURNAL_VERSION) {
    throw new JournalError(
      `${path} was written by a newer streambook (format ${header.v}); update streambook to read it`,
    );
  }
  return header;
}

/** One line's record, or null when it is not one (torn, corrupt, or of a shape we don't write). */
export function parseRecord(line: string): JournalRecord | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  return isRecord(value) ? value : null;
}

const str = (v: unknown) => typeof v === 'string';
const num = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const cellId = (v: unknown) => Number.isSafeInteger(v) && (v as number) > 0;
const obj = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
const optional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);

/** Each record's fields, checked as far as reading it back needs: a hostile file is refused line by line. */
function isRecord(value: unknown): value is JournalRecord {
  if (!obj(value)) return false;
  const r = value as Record<string, unknown>;
  switch (r.r) {
    case 'session':
      return num(r.v) && str(r.id) && str(r.started) && obj(r.settings) && obj(r.source);
    case 'turn':
      return cellId(r.c) && str(r.prompt) && obj(r.settings) && str(r.at) && optional(r.replaces, cellId);
    case 'e':
      return cellId(r.c) && num(r.t) && str(r.d) && wireExtras(r);
    case 'd':
      return (
        cellId(r.c) &&
        num(r.t) &&
        Number.isSafeInteger(r.i) &&
        (r.k === 'text' || r.k === 'thinking' || r.k === 'input_json') &&
        str(r.x) &&
        wireExtras(r)
      );
    case 't':
      return (
        cellId(r.c) &&
        num(r.t) &&
        Number.isSafeInteger(r.i) &&
        optional(r.k, (k) => k === 'thinking' || k === 'input_json') &&
        str(r.x)
      );
    case 'u':
      return cellId(r.c) && obj(r.u) && isSavedUpdate(r.u as Record<string, unknown>) && optional(r.b, str);
    case 'broke':
      return cellId(r.c) && str(r.m);
    default:
      return false;
  }
}

function wireExtras(r: Record<string, unknown>): boolean {
  return (
    optional(r.e, (e) => e === null || str(e)) &&
    optional(r.a, (a) => Number.isSafeInteger(a)) &&
    optional(r.n, (n) => Number.isSafeInteger(n))
  );
}
