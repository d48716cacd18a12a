/** The most decoded bytes of one answer the tap records; the client gets every byte regardless. */
export const RECORDED_BYTES = 64 * 1024 * 1024;
/** The most decoded bytes of one server-sent event: the SSE reader holds an event whole. */
export const EVENT_BYTES = 4 * 1024 * 1024;

/** The most of a whole (not streamed) answer kept to read its message or error from. */
export const KEPT_BYTES = 32 * 1024 * 1024;

const LF = 0x0a;

/**
 * The tap's copy of an event-stream body, decoded, for the wire tap to read. It is capped: a
 * small compressed body can decode to gigabytes, in one event the SSE reader would buffer
 * whole. Past a cap, push() says so and the recording stops. Closing or erroring a copy that
 * is already closed does nothing (the stream would throw).
 */
export class BodyCopy {
  readonly stream: ReadableStream<Uint8Array>;
  #controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  #open = true;
  #bytes = 0;
  #eventBytes = 0;
  #lastByte = -1;

  constructor() {
    this.stream = new ReadableStream<Uint8Array>({
      start: (controller) => {
        this.#controller = controller;
      },
    });
  }

  /** Adds a decoded chunk; false (and nothing added) once the answer or one event is past its cap. */
  push(chunk: Buffer): boolean {
    if (!this.#open) return true;
    this.#bytes += chunk.length;
    this.#eventBytes = this.#sinceBlankLine(chunk);
    if (this.#bytes > RECORDED_BYTES || this.#eventBytes > EVENT_BYTES) return false;
    this.#controller?.enqueue(new Uint8Array(chunk));
    return true;
  }

  close(): void {
    if (!this.#open) return;
    this.#open = false;
    this.#controller?.close();
  }

  error(error: unknown): void {
    if (!this.#open) return;
    this.#open = false;
    this.#controller?.error(error);
  }

  /** Bytes of the event under way after this chunk: an event ends at a blank line (\n\n, \r\r; \r\n\r\n holds one too). */
  #sinceBlankLine(chunk: Buffer): number {
    let end = -1;
    if (this.#lastByte === LF && chunk[0] === LF) end = 1;
    const inside = chunk.lastIndexOf('\n\n');
    const crlf = chunk.lastIndexOf('\n\r\n');
    const cr = chunk.lastIndexOf('\r\r');
    end = Math.max(end, inside >= 0 ? inside + 2 : -1, crlf >= 0 ? crlf + 3 : -1, cr >= 0 ? cr + 2 : -1);
    if (chunk.length > 0) this.#lastByte = chunk[chunk.length - 1] as number;
    return end >= 0 ? chunk.length - end : this.#eventBytes + chunk.length;
  }
}
