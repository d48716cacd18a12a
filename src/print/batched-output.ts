/**
 * Print mode's output, written once per turn of the event loop: a network read brings many
 * deltas at once (about 80 in the 10 KB a fast stream reads at a time), and a write of each
 * was a system call of each, 20,000 for a 20,000-delta reply. A stream that trickles in still
 * goes out delta by delta, on the turn of the loop that brought it. Order is kept by calling
 * `flush` before anything else is said (stderr) and before the turn's result goes back.
 */
export class BatchedOutput {
  readonly #write: (chunk: string) => void;
  #pending = '';
  #scheduled: NodeJS.Immediate | undefined;

  constructor(write: (chunk: string) => void) {
    this.#write = write;
  }

  write(text: string): void {
    if (text === '') return;
    this.#pending += text;
    this.#scheduled ??= setImmediate(this.flush);
  }

  /** Writes what is waiting, now. */
  readonly flush = (): void => {
    if (this.#scheduled) clearImmediate(this.#scheduled);
    this.#scheduled = undefined;
    const chunk = this.#pending;
    this.#pending = '';
    if (chunk) this.#write(chunk);
  };
}
