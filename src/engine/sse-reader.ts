import type { ServerSentEvent } from '@anthropic-ai/sdk/core/streaming';

/**
 * Server-sent events read from a body chunk by chunk, as the chunks come, with no promise or
 * generator per event: the wire tap reads the bytes the SDK is handed, as it is handed them.
 * It reads exactly as the SDK's own reader (`Stream.rawEvents`), quirks and all, since the
 * timeline must show what the SDK acted on: the same UTF-8 decoder (a BOM kept, then dropped
 * from the start of every line; invalid bytes as U+FFFD), LF, CRLF and lone CR as line ends,
 * a blank line with nothing before it (or only comments, or an empty `event:`) ends no event
 * and leaves its lines to the next one's raw lines, and at the body's end the last line is
 * read even without its line end, but an event with no blank line after it is dropped.
 * A line is scanned once however many chunks it spans, so a long one costs no more per chunk.
 */
export class SseReader {
  readonly #decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  readonly #onEvent: (sse: ServerSentEvent) => void;
  /** The start of a line whose end has not come yet. */
  #pending = '';
  /** The last chunk ended in CR: a LF opening the next is that line end's second half. */
  #afterCR = false;
  #event: string | null = null;
  #data: string[] = [];
  #raw: string[] = [];

  constructor(onEvent: (sse: ServerSentEvent) => void) {
    this.#onEvent = onEvent;
  }

  push(chunk: Uint8Array): void {
    this.#read(this.#decoder.decode(chunk, { stream: true }));
  }

  /** The body ended: what is left of it is read as the SDK reads it. */
  end(): void {
    const rest = this.#pending + this.#decoder.decode();
    this.#pending = '';
    if (rest) this.#line(rest);
  }

  #read(text: string): void {
    let start = 0;
    if (this.#afterCR && text.length > 0) {
      this.#afterCR = false;
      if (text.charCodeAt(0) === 0x0a) start = 1;
    }
    if (!text.includes('\r')) {
      for (let end = text.indexOf('\n', start); end !== -1; end = text.indexOf('\n', start)) {
        this.#line(this.#joined(text.slice(start, end)));
        start = end + 1;
      }
    } else {
      for (let i = start; i < text.length; i++) {
        const char = text.charCodeAt(i);
        if (char !== 0x0a && char !== 0x0d) continue;
        this.#line(this.#joined(text.slice(start, i)));
        if (char === 0x0d) {
          if (i + 1 === text.length) this.#afterCR = true;
          else if (text.charCodeAt(i + 1) === 0x0a) i++;
        }
        start = i + 1;
      }
    }
    // Appending builds a rope, not a copy: a line over many chunks is joined once, at its end.
    if (start < text.length) this.#pending += start === 0 ? text : text.slice(start);
  }

  /** A line that ends in this chunk, after the part of it earlier chunks brought. */
  #joined(part: string): string {
    if (this.#pending === '') return part;
    const line = this.#pending + part;
    this.#pending = '';
    return line;
  }

  /** One line, read as the SDK's `takeLine` reads it. */
  #line(line: string): void {
    if (line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    if (!line) {
      if (!this.#event && this.#data.length === 0) return;
      const data = this.#data.length === 1 ? (this.#data[0] as string) : this.#data.join('\n');
      const sse = { event: this.#event, data, raw: this.#raw };
      this.#event = null;
      this.#data = [];
      this.#raw = [];
      this.#onEvent(sse);
      return;
    }
    this.#raw.push(line);
    const colon = line.indexOf(':');
    if (colon === 0) return;
    const field = colon === -1 ? line : line.slice(0, colon);
    if (field !== 'event' && field !== 'data') return;
    const value = colon === -1 ? '' : line.slice(line.charCodeAt(colon + 1) === 0x20 ? colon + 2 : colon + 1);
    if (field === 'event') this.#event = value;
    else this.#data.push(value);
  }
}
