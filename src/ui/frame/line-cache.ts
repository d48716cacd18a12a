/**
 * What a frame works out about each line it shows, kept from frame to frame in two
 * generations: memory stays bounded, and the lines still on screen survive a turnover.
 */
export class LineCache<T> {
  readonly #size: number;
  #current = new Map<string, T>();
  #previous = new Map<string, T>();

  constructor(size: number) {
    this.#size = size;
  }

  get(line: string, work: (line: string) => T): T {
    let found = this.#current.get(line);
    if (found !== undefined) return found;
    found = this.#previous.get(line) ?? work(line);
    if (this.#current.size >= this.#size) {
      this.#previous = this.#current;
      this.#current = new Map();
    }
    this.#current.set(line, found);
    return found;
  }

  clear(): void {
    this.#current = new Map();
    this.#previous = new Map();
  }
}
