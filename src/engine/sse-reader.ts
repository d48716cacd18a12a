import { isAscii } from 'node:buffer';
import type { ServerSentEvent } from '@anthropic-ai/sdk/core/streaming';

/** One event read, and the UTF-8 bytes of its lines and their ends, the blank line included. */
export type SseListener = (sse: ServerSentEvent, bytes: number) => void;

/**
 * V8's own search of a typed array: Buffer's indexOf, made for strings and encodings, goes
 * through argument checks that cost more than the search for one byte in a line.
 */
const indexOf = Uint8Array.prototype.indexOf;

/** The tap keeps no raw lines: nothing reads them past their byte count, which is counted here. */
const NO_LINES: string[] = [];

/**
 * Server-sent events read from a body's bytes chunk by chunk, as they come, with no promise
 * or generator per event: the wire tap reads the bytes the SDK is handed, as it is handed them.
 * It reads exactly as the SDK's own reader (`Stream.rawEvents`) does, quirks and all, since the
 * timeline must show what the SDK acted on: LF, CRLF and lone CR as line ends; a BOM dropped
 * from the start of any line; a blank line with nothing before it (or only comments, or an
 * empty `event:`) ends no event and leaves its lines to count in the next one; at the body's
 * end the last line is read even without its line end, but an event with no blank line after
 * it is dropped. Only a field's value is decoded, straight from the bytes into a string of its
 * own (a slice of the chunk's text would keep all of that text alive for as long as the event
 * is kept). Decoding line by line gives what the SDK's one decoder of the whole body gives:
 * line ends are ASCII, which no UTF-8 sequence holds, and a sequence cut short by one reads as
 * one U+FFFD either way. A line over many chunks is scanned once and joined once, at its end.
 */
export class SseReader {
  readonly #onEvent: SseListener;
  /** The start of a line whose end has not come yet, copied from earlier chunks. */
  #pending: Buffer[] = [];
  /** The last chunk ended in CR: a LF opening the next is that line end's second half. */
  #afterCR = false;
  #event: string | null = null;
  /** The data lines so far, joined by LF; null before the first (an empty line is data too). */
  #data: string | null = null;
  /** The bytes of the lines read since the last event, with their ends. */
  #bytes = 0;
  /** The line being read is ASCII, so its text has as many bytes as came (and no U+FFFD). */
  #ascii = false;
  /** The last event name, and its bytes: most events are named as the one before. */
  #name = { bytes: Buffer.alloc(0), name: '' };

  constructor(onEvent: SseListener) {
    this.#onEvent = onEvent;
  }

  push(chunk: Uint8Array): void {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    // Most chunks are ASCII: one check a chunk spares a look for U+FFFD in every value.
    this.#ascii = isAscii(bytes);
    let start = 0;
    if (this.#afterCR && bytes.length > 0) {
      this.#afterCR = false;
      if (bytes[0] === 0x0a) start = 1;
    }
    if (indexOf.call(bytes, 0x0d, start) === -1) {
      for (let end = indexOf.call(bytes, 0x0a, start); end !== -1; end = indexOf.call(bytes, 0x0a, start)) {
        this.#ended(bytes, start, end);
        start = end + 1;
      }
    } else {
      for (let i = start; i < bytes.length; i++) {
        const byte = bytes[i];
        if (byte !== 0x0a && byte !== 0x0d) continue;
        this.#ended(bytes, start, i);
        if (byte === 0x0d) {
          if (i + 1 === bytes.length) this.#afterCR = true;
          else if (bytes[i + 1] === 0x0a) i++;
        }
        start = i + 1;
      }
    }
    if (start < bytes.length) this.#pending.push(Buffer.from(bytes.subarray(start)));
  }

  /** The body ended: a last line without its end is read, as the SDK reads it. */
  end(): void {
    if (this.#pending.length === 0) return;
    const line = Buffer.concat(this.#pending);
    this.#pending = [];
    this.#ascii = false;
    this.#line(line, 0, line.length);
  }

  /** A line ends at `end` of this chunk, after whatever of it earlier chunks brought. */
  #ended(bytes: Buffer, start: number, end: number): void {
    if (this.#pending.length === 0) {
      this.#line(bytes, start, end);
      return;
    }
    this.#pending.push(bytes.subarray(start, end));
    const line = Buffer.concat(this.#pending);
    this.#pending = [];
    const ascii = this.#ascii;
    this.#ascii = false;
    this.#line(line, 0, line.length);
    this.#ascii = ascii;
  }

  /** One line, `bytes[start, end)`, read as the SDK's `takeLine` reads it. */
  #line(bytes: Buffer, start: number, end: number): void {
    if (end - start >= 3 && bytes[start] === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf)
      start += 3;
    const field = start === end ? 0 : fieldOf(bytes, start, end);
    if (start === end) {
      this.#blank();
    } else if (field === 4) {
      const from = valueStart(bytes, start + 4, end);
      const value = from < end ? bytes.toString('utf8', from, end) : '';
      this.#data = this.#data === null ? value : `${this.#data}\n${value}`;
      this.#bytes += from - start + this.#textBytes(value, end - from) + 1;
    } else if (field === 5) {
      const from = valueStart(bytes, start + 5, end);
      const name = this.#nameOf(bytes, from, end);
      this.#event = name;
      this.#bytes += from - start + this.#textBytes(name, end - from) + 1;
    } else {
      // A comment or another field: it counts, and that is all.
      this.#bytes += this.#textBytes(bytes.toString('utf8', start, end), end - start) + 1;
    }
  }

  #blank(): void {
    if (!this.#event && this.#data === null) return;
    const sse = { event: this.#event, data: this.#data ?? '', raw: NO_LINES };
    const bytes = this.#bytes + 1;
    this.#event = null;
    this.#data = null;
    this.#bytes = 0;
    this.#onEvent(sse, bytes);
  }

  /** The UTF-8 bytes of decoded text, given its bytes on the wire: invalid ones became U+FFFD. */
  #textBytes(text: string, wireBytes: number): number {
    return this.#ascii || !text.includes('\ufffd') ? wireBytes : Buffer.byteLength(text);
  }

  #nameOf(bytes: Buffer, from: number, end: number): string {
    const last = this.#name;
    if (last.bytes.length === end - from) {
      let i = 0;
      while (i < last.bytes.length && last.bytes[i] === bytes[from + i]) i++;
      if (i === last.bytes.length) return last.name;
    }
    const name = from < end ? bytes.toString('utf8', from, end) : '';
    this.#name = { bytes: Buffer.from(bytes.subarray(from, end)), name };
    return name;
  }
}

/**
 * Which field the SDK reads the line is, as the length of its name: 4 for `data`, 5 for
 * `event`, 0 for neither. A name is the line whole or the part before a colon. Spelled out
 * byte by byte: it runs for every line, most of them before V8 has optimized anything (a
 * 20,000-event reply is read once per process). Bytes past `end` are a line end, or none.
 */
function fieldOf(bytes: Buffer, start: number, end: number): 0 | 4 | 5 {
  const name =
    bytes[start] === 0x64 &&
    bytes[start + 1] === 0x61 &&
    bytes[start + 2] === 0x74 &&
    bytes[start + 3] === 0x61
      ? 4
      : bytes[start] === 0x65 &&
          bytes[start + 1] === 0x76 &&
          bytes[start + 2] === 0x65 &&
          bytes[start + 3] === 0x6e &&
          bytes[start + 4] === 0x74
        ? 5
        : 0;
  const after = start + name;
  return after === end || (after < end && bytes[after] === 0x3a) ? name : 0;
}

/** Where the value begins: after the colon and the one space that may follow it. */
function valueStart(bytes: Buffer, colon: number, end: number): number {
  if (colon === end) return end;
  return colon + 1 < end && bytes[colon + 1] === 0x20 ? colon + 2 : colon + 1;
}
