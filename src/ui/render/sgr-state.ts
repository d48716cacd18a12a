// biome-ignore lint/suspicious/noControlCharactersInRegex: SGR is ESC [ params m
const SGR = /\u001b\[([\d;:]*)m/g;

/** The attribute each SGR code sets, and (below) the attributes each code turns off. */
const ATTRIBUTE: Record<number, string> = {
  1: 'bold',
  2: 'dim',
  3: 'italic',
  4: 'underline',
  5: 'blink',
  6: 'blink',
  7: 'inverse',
  8: 'hidden',
  9: 'strike',
  53: 'overline',
};
const OFF: Record<number, string[]> = {
  22: ['bold', 'dim'],
  23: ['italic'],
  24: ['underline'],
  25: ['blink'],
  27: ['inverse'],
  28: ['hidden'],
  29: ['strike'],
  39: ['fg'],
  49: ['bg'],
  55: ['overline'],
  59: ['ul'],
};
const EXTENDED: Record<number, string> = { 38: 'fg', 48: 'bg', 58: 'ul' };

/**
 * The colour and style in force after some styled text (SGR sequences, as chalk and
 * marked-terminal write them). A row break closes the style at the end of one row and opens
 * it again at the start of the next, so each row stands alone: the terminal paints padding
 * and the next pane's cells without a colour left over, and a row shown without the one
 * above it keeps its colour.
 */
export class SgrState {
  readonly #on = new Map<string, string>();

  clone(): SgrState {
    const copy = new SgrState();
    for (const [key, value] of this.#on) copy.#on.set(key, value);
    return copy;
  }

  get plain(): boolean {
    return this.#on.size === 0;
  }

  /** The one sequence that sets this state from plain; empty when plain. */
  sequence(): string {
    return this.plain ? '' : `\u001b[${[...this.#on.values()].join(';')}m`;
  }

  /** Applies every SGR sequence in `text`, in order. */
  apply(text: string): void {
    if (!text.includes('\u001b')) return;
    for (const match of text.matchAll(SGR)) this.#applyParams((match[1] ?? '').split(';'));
  }

  #applyParams(params: string[]): void {
    for (let i = 0; i < params.length; i++) {
      const raw = params[i] ?? '';
      // A colon sub-parameter (4:3 curly underline) belongs to its attribute as written.
      const code = Number(raw.split(':')[0] || '0');
      const extended = EXTENDED[code];
      if (code === 0) this.#on.clear();
      else if (ATTRIBUTE[code]) this.#on.set(ATTRIBUTE[code], raw);
      else if (OFF[code]) for (const key of OFF[code]) this.#on.delete(key);
      else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) this.#on.set('fg', raw);
      else if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107)) this.#on.set('bg', raw);
      else if (extended) {
        // 38;5;n is a palette colour, 38;2;r;g;b a true colour; 38:2:… carries its own.
        const take = raw.includes(':') ? 0 : params[i + 1] === '5' ? 2 : params[i + 1] === '2' ? 4 : 0;
        this.#on.set(extended, params.slice(i, i + take + 1).join(';'));
        i += take;
      }
    }
  }
}
