/** A key as the notebook's keymap sees it. */
export interface Key {
  upArrow: boolean;
  downArrow: boolean;
  leftArrow: boolean;
  rightArrow: boolean;
  pageUp: boolean;
  pageDown: boolean;
  home: boolean;
  end: boolean;
  return: boolean;
  escape: boolean;
  tab: boolean;
  backspace: boolean;
  /** Forward delete (the Delete key), not Backspace. */
  delete: boolean;
  ctrl: boolean;
  meta: boolean;
  shift: boolean;
}

/** What came from the terminal: a key (with the text it typed), or a whole bracketed paste. */
export type TerminalInput = { kind: 'key'; input: string; key: Key } | { kind: 'paste'; text: string };

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageUp: false,
  pageDown: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  tab: false,
  backspace: false,
  delete: false,
  ctrl: false,
  meta: false,
  shift: false,
};

const ESC = '\u001b';
// Bracketed paste wraps a paste in these. Ink's parser hands each over as an input of its own,
// or, after a lone ESC, glued to it (ESC ESC [ 2 0 1 ~ reads as Alt plus a CSI).
const PASTE_START = '\u001b[200~';
const PASTE_END = '\u001b[201~';

/**
 * Turns the terminal's input, as Ink's parser splits it (runs of text, and one escape sequence
 * at a time), into keys and pastes. Inside a bracketed paste every byte is text, ESC and CSI
 * sequences included; the paste is handed over whole once it ends, so a 1 MiB paste is one edit.
 */
export class InputDecoder {
  #paste: string[] | null = null;

  get pasting(): boolean {
    return this.#paste !== null;
  }

  push(sequence: string): TerminalInput[] {
    const paste = this.#paste;
    if (paste) {
      if (!sequence.endsWith(PASTE_END)) {
        paste.push(sequence);
        return [];
      }
      paste.push(sequence.slice(0, -PASTE_END.length));
      this.#paste = null;
      return pasted(paste);
    }
    if (sequence.endsWith(PASTE_START)) {
      this.#paste = [];
      return decodeKeys(sequence.slice(0, -PASTE_START.length));
    }
    // A paste end with no start (the start was lost, or typed by hand) means nothing.
    if (sequence.endsWith(PASTE_END)) return decodeKeys(sequence.slice(0, -PASTE_END.length));
    return decodeKeys(sequence);
  }

  /** The paste so far, when its end is slow to come: it is shown, and the rest still counts as paste. */
  flush(): TerminalInput[] {
    const paste = this.#paste;
    if (!paste) return [];
    this.#paste = [];
    return pasted(paste);
  }
}

function pasted(parts: string[]): TerminalInput[] {
  const text = parts.join('');
  return text ? [{ kind: 'paste', text }] : [];
}

function key(change: Partial<Key>, input = ''): TerminalInput {
  return { kind: 'key', input, key: { ...NO_KEY, ...change } };
}

// CSI (ESC [) or SS3 (ESC O), perhaps after an ESC for Alt: parameters, then the final byte.
// biome-ignore lint/suspicious/noControlCharactersInRegex: escape sequences start with ESC
const CONTROL_SEQUENCE = /^\u001b(\u001b?)[[O]([\x20-\x3f]*)([\x40-\x7e])$/;

/** The keys in one input of Ink's parser that is not part of a paste. */
export function decodeKeys(sequence: string): TerminalInput[] {
  if (sequence === '') return [];
  if (!sequence.startsWith(ESC)) return typedText(sequence);
  if (sequence === ESC) return [key({ escape: true, meta: true })];
  const csi = CONTROL_SEQUENCE.exec(sequence);
  if (csi) return controlSequence(csi[2] ?? '', csi[3] ?? '', csi[1] === ESC);
  // ESC and one more character: Alt (Meta) and that key.
  const rest = sequence.slice(1);
  if (rest === '\r') return [key({ return: true, meta: true })];
  return [key({ meta: true }, rest)];
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: keys are control characters
const CONTROL_SPLIT = /([\u0000-\u001f\u007f])/;

/** A run with no ESC: text typed (or sent) faster than a read, and the control keys among it. */
function typedText(run: string): TerminalInput[] {
  const keys: TerminalInput[] = [];
  for (const [i, part] of run.split(CONTROL_SPLIT).entries()) {
    if (part === '') continue;
    // split() with a capture group puts the separators at odd indexes.
    keys.push(i % 2 === 0 ? key({}, part) : controlKey(part));
  }
  return keys;
}

function controlKey(char: string): TerminalInput {
  switch (char) {
    case '\r':
      return key({ return: true }, '\r');
    case '\n':
      return key({}, '\n');
    case '\t':
      return key({ tab: true }, '\t');
    case '\u007f':
    case '\b':
      return key({ backspace: true });
    default:
      return key({ ctrl: true }, String.fromCharCode(char.charCodeAt(0) + 96));
  }
}

const TILDE_KEYS: Record<string, Partial<Key>> = {
  '1': { home: true },
  '7': { home: true },
  '4': { end: true },
  '8': { end: true },
  '3': { delete: true },
  '5': { pageUp: true },
  '6': { pageDown: true },
};

const FINAL_KEYS: Record<string, Partial<Key>> = {
  A: { upArrow: true },
  B: { downArrow: true },
  C: { rightArrow: true },
  D: { leftArrow: true },
  H: { home: true },
  F: { end: true },
  Z: { tab: true, shift: true },
};

/** CSI or SS3: a named key with its modifiers; any other sequence (colours, reports) is no key. */
function controlSequence(params: string, final: string, alt: boolean): TerminalInput[] {
  const [first = '', modifier = '1'] = params.split(';');
  const named = final === '~' ? TILDE_KEYS[first] : FINAL_KEYS[final];
  if (!named) return [];
  // xterm's modifier parameter is 1 + a bit mask: Shift 1, Alt 2, Ctrl 4.
  const bits = Math.max(0, (Number.parseInt(modifier, 10) || 1) - 1);
  return [
    key({
      ...named,
      shift: Boolean(bits & 1) || Boolean(named.shift),
      meta: alt || Boolean(bits & 2),
      ctrl: Boolean(bits & 4),
    }),
  ];
}
