import { closeSync, fstatSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { JournalRecord } from './records.js';

/**
 * One session file, appended to as records come. Records that come in one turn of the event
 * loop (one network read's events) are written together, with one write, at the end of it:
 * a kill loses at most the read in flight, and a 20k-delta turn is not 20k system calls. The
 * folder is made 0700 and the file 0600 when first written. A file that can't be written
 * says so once, through `warn`, and the session goes on unsaved.
 */
export class JournalFile {
  readonly path: string;
  readonly #warn: (line: string) => void;
  #fd: number | null = null;
  #failed = false;
  #pending: string[] = [];
  #scheduled: NodeJS.Immediate | null = null;

  constructor(path: string, warn: (line: string) => void) {
    this.path = path;
    this.#warn = warn;
  }

  get failed(): boolean {
    return this.#failed;
  }

  append(record: JournalRecord): void {
    if (!this.#failed) this.appendLine(recordLine(record));
  }

  /** A record already written as its line (see stream-lines.ts). */
  appendLine(line: string): void {
    if (this.#failed) return;
    this.#pending.push(line, '\n');
    this.#scheduled ??= setImmediate(() => this.flush());
  }

  /** Writes what is pending now (at a turn's end, and before exit). */
  flush(): void {
    if (this.#scheduled) clearImmediate(this.#scheduled);
    this.#scheduled = null;
    if (this.#pending.length === 0 || this.#failed) return;
    const text = this.#pending.join('');
    this.#pending = [];
    try {
      this.#fd ??= openFile(this.path);
      writeAll(this.#fd, Buffer.from(text));
    } catch (error) {
      this.#failed = true;
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      this.#warn(
        `can't save the session in ${dirname(this.path)} (${code}); going on without saving: set --state-dir DIR, or --no-save`,
      );
    }
  }

  close(): void {
    this.flush();
    if (this.#fd !== null) closeSync(this.#fd);
    this.#fd = null;
  }
}

/**
 * Opens `path` to append, making its folder 0700 and the file 0600 if they are new. A file
 * whose last line was cut short (a kill mid-write, a full disk) gets its line ended first, so
 * the next record starts a line of its own instead of joining the torn one.
 */
export function openFile(path: string): number {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const fd = openSync(path, 'a+', 0o600);
  const { size } = fstatSync(fd);
  if (size > 0) {
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    if (last[0] !== 0x0a) writeAll(fd, Buffer.from('\n'));
  }
  return fd;
}

/** A write may take less than asked (a full disk shows as a short write before ENOSPC). */
export function writeAll(fd: number, bytes: Buffer): void {
  let at = 0;
  while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
}

/**
 * One record as a line. A reply nested past what JSON.stringify can walk (a hostile server's
 * 10,000 levels) can't be written as it is: its end is written without the message, which
 * its events still hold, and any other such record is left out. The session goes on.
 */
function recordLine(record: JournalRecord): string {
  try {
    return JSON.stringify(record);
  } catch {
    if (record.r === 'u' && record.u.type === 'end') {
      const outcome = { ...record.u.outcome, message: null };
      return JSON.stringify({ ...record, u: { ...record.u, outcome } });
    }
    return JSON.stringify({ r: 'lost', c: 'c' in record ? record.c : 0 });
  }
}
