import { MouseDecoder, type MouseReport } from '../../terminal/mouse.js';

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

/** What came from the terminal: a key (with the text it typed), a whole bracketed paste, or a mouse report. */
export type TerminalInput =
  | { kind: 'key'; input: string; key: Key }
  | { kind: 'paste'; text: string }
  | { kind: 'mouse'; report: MouseReport };

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
// Bracketed paste wraps a paste in these.
const PASTE_START = '\u001b[200~';
const PASTE_END = '\u001b[201~';
const MARKER_LENGTH = PASTE_START.length;

/**
 * Turns the terminal's input, as Ink's parser splits it (runs of text, and one escape sequence
 * at a time), into keys and pastes. Inside a bracketed paste every byte is text, ESC and CSI
 * sequences included; the paste is handed over whole once it ends, so a 1 MiB paste is one edit.
 */
export class InputDecoder {
  #paste: string[] | null = null;
  #mouse = new MouseDecoder();
  // The last characters seen, for a paste marker cut in two: when a read ends inside an escape
  // sequence, Ink hands over the part it has (ESC, or ESC [ 2 0) and the rest comes as text.
  #carry = '';

  get pasting(): boolean {
    return this.#paste !== null;
  }

  push(sequence: string): TerminalInput[] {
    const carry = this.#carry;
    const window = carry + sequence;
    const paste = this.#paste;
    if (paste) {
      const end = window.indexOf(PASTE_END);
      if (end === -1) {
        paste.push(sequence);
        this.#carry = window.slice(1 - MARKER_LENGTH);
        return [];
      }
      paste.push(sequence);
      const text = paste.join('');
      // Where the marker starts in the paste's text (it may have begun in an earlier piece).
      const cut = text.length - sequence.length - carry.length + end;
      this.#paste = null;
      this.#carry = '';
      return [
        ...pasted(text.slice(0, cut)),
        ...this.push(sequence.slice(end + MARKER_LENGTH - carry.length)),
      ];
    }
    const start = window.indexOf(PASTE_START);
    if (start !== -1) {
      // Keys before the marker; a part of it that came alone earlier was taken as a key then.
      const keys = this.#keys(sequence.slice(0, Math.max(0, start - carry.length)));
      this.#paste = [];
      this.#carry = '';
      return [...keys, ...this.push(sequence.slice(start + MARKER_LENGTH - carry.length))];
    }
    this.#carry = window.slice(1 - MARKER_LENGTH);
    // A paste end with no start (the start was lost, or typed by hand) means nothing.
    const end = sequence.indexOf(PASTE_END);
    if (end !== -1)
      return [...this.#keys(sequence.slice(0, end)), ...this.#keys(sequence.slice(end + MARKER_LENGTH))];
    return this.#keys(sequence);
  }

  /** Keys, with mouse reports taken out first: no part of one is ever typed text. */
  #keys(sequence: string): TerminalInput[] {
    return this.#mouse
      .push(sequence)
      .flatMap((piece) => (piece.kind === 'mouse' ? [piece] : decodeKeys(piece.text)));
  }

  /** The paste so far, when its end is slow to come: it is shown, and the rest still counts as paste. */
  flush(): TerminalInput[] {
    const paste = this.#paste;
    if (!paste) return [];
    this.#paste = [];
    return pasted(paste);
  }
}

function pasted(parts: string[] | string): TerminalInput[] {
  const text = typeof parts === 'string' ? parts : parts.join('');
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
  // ESC and one more character: Alt (Meta) and that key. Anything longer is a sequence cut
  // short by the end of a read, or one no key sends: no key.
  const rest = sequence.slice(1);
  if (rest === '\r') return [key({ return: true, meta: true })];
  return [...rest].length === 1 ? [key({ meta: true }, rest)] : [];
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
