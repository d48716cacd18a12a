const BEGIN_SYNC = '\u001b[?2026h';
const END_SYNC = '\u001b[?2026l';
// Erase display, erase scrollback, full reset: each repaints the whole screen.
const FULL_CLEARS = ['\u001b[2J', '\u001b[3J', '\u001bc'];

export interface FrameTime {
  /** When the frame was written, epoch ms with sub-ms precision (comparable across processes). */
  t: number;
  /** How many wire events of the streaming cell the frame shows. */
  events: number;
  /** What the frame cost on the wire, escape sequences included. */
  bytes: number;
}

/**
 * Counts what the notebook writes to its terminal: frames (Ink wraps each in a synchronized
 * update), bytes, the largest frame, and full-screen clears; and when each frame went out.
 */
export class TerminalMeter {
  #count = 0;
  #bytes = 0;
  #maxFrameBytes = 0;
  #frameBytes = 0;
  #inFrame = false;
  #clears = 0;
  #times: FrameTime[] = [];
  #committedEvents = 0;
  /** A frame was written in the current synchronous run: it belongs to the commit under way. */
  #frameInThisRun = false;
  #on = true;

  constructor(stdout: NodeJS.WriteStream, eventsShown: () => number) {
    const write = stdout.write.bind(stdout) as (chunk: unknown, ...rest: unknown[]) => boolean;
    stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (this.#on) this.#observe(String(chunk));
      return write(chunk, ...rest);
    }) as typeof stdout.write;
    this.committed = () => {
      this.#committedEvents = eventsShown();
      // Ink writes a frame inside React's commit, before the App's layout effect reports it:
      // a frame written in this same run shows this commit, not the one before.
      const last = this.#times.at(-1);
      if (this.#frameInThisRun && last) last.events = this.#committedEvents;
    };
  }

  /** Call on each React commit: the next frame written shows what this commit rendered. */
  committed: () => void;

  reset(): void {
    this.#count = 0;
    this.#bytes = 0;
    this.#maxFrameBytes = 0;
    this.#clears = 0;
    this.#times = [];
  }

  stop() {
    this.#on = false;
    return {
      count: this.#count,
      bytes: this.#bytes,
      maxFrameBytes: this.#maxFrameBytes,
      clears: this.#clears,
      times: this.#times,
    };
  }

  #observe(text: string): void {
    this.#bytes += Buffer.byteLength(text);
    for (const clear of FULL_CLEARS) this.#clears += text.split(clear).length - 1;
    if (text === BEGIN_SYNC) {
      this.#inFrame = true;
      this.#frameBytes = 0;
      return;
    }
    if (text === END_SYNC) {
      this.#inFrame = false;
      this.#endFrame(this.#frameBytes);
      return;
    }
    if (this.#inFrame) this.#frameBytes += Buffer.byteLength(text);
    else this.#endFrame(Buffer.byteLength(text));
  }

  #endFrame(bytes: number): void {
    this.#count++;
    this.#maxFrameBytes = Math.max(this.#maxFrameBytes, bytes);
    this.#times.push({ t: performance.timeOrigin + performance.now(), events: this.#committedEvents, bytes });
    this.#frameInThisRun = true;
    queueMicrotask(() => {
      this.#frameInThisRun = false;
    });
  }
}
