/**
 * fast-check arbitraries of hostile text: what a hostile server or a careless paste can put
 * in any string the app shows, and the check that a terminal frame holds none of it acting.
 */
import fc from 'fast-check';

const ESC = '\u001b';
const BEL = '\u0007';
const ST = `${ESC}\\`;

const char = (from: number, to: number) =>
  fc.integer({ min: from, max: to }).map((c) => String.fromCharCode(c));
const payload = fc.string({ maxLength: 12 });

/** Escape sequences that act on a terminal: cursor moves, clears, titles, clipboard, links, DCS. */
export const escapeSequence: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(`${ESC}[2J`, `${ESC}c`, `${ESC}[H`, `${ESC}[?1049l`, `${ESC}[31m`, `${ESC}[0m`, `${ESC}7`),
  fc
    .tuple(fc.array(fc.nat({ max: 999 }), { maxLength: 3 }), fc.constantFrom('A', 'J', 'm', 'h', 'l', 'q'))
    .map(([params, final]) => `${ESC}[${params.join(';')}${final}`),
  fc
    .tuple(fc.constantFrom('0', '2', '8;;', '52;c', '1337'), payload, fc.constantFrom(BEL, ST, ''))
    .map(([code, text, end]) => `${ESC}]${code};${text}${end}`),
  payload.map((text) => `${ESC}P${text}${ST}`),
  // The one-byte C1 forms: CSI, OSC, DCS.
  payload.map((text) => `\u009b${text}m`),
  payload.map((text) => `\u009d0;${text}\u0007`),
);

/** Bidi embeddings, overrides and isolates, and the marks that are harmless. */
export const bidiControl = fc.constantFrom(
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200e',
  '\u200f',
  '\u061c',
);

/** Wide characters, ZWJ sequences, flags and combining marks. */
export const wideText = fc.constantFrom('中文', '👨‍👩‍👧‍👦', '🇫🇷', 'e\u0301', '😀', 'ｱ', '🏳️‍🌈', 'ﷺ', '\u200d');

/** One hostile piece. */
export const hostileFragment: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ maxLength: 10 }), weight: 3 },
  { arbitrary: escapeSequence, weight: 3 },
  { arbitrary: char(0, 0x1f), weight: 2 },
  { arbitrary: char(0x7f, 0x9f), weight: 2 },
  { arbitrary: fc.constant(BEL), weight: 1 },
  { arbitrary: bidiControl, weight: 2 },
  { arbitrary: char(0xd800, 0xdfff), weight: 1 },
  { arbitrary: wideText, weight: 2 },
  { arbitrary: fc.integer({ min: 1, max: 400 }).map((n) => 'x'.repeat(n)), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 8 }), weight: 2 },
);

/** A hostile string: pieces of the above, end to end. */
export const hostileText: fc.Arbitrary<string> = fc
  .array(hostileFragment, { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''));

/** Bytes as a server could send them: the UTF-8 of hostile text with invalid UTF-8 spliced in. */
export const hostileBytes: fc.Arbitrary<Uint8Array> = fc
  .array(
    fc.oneof(
      hostileText.map((text) => new Uint8Array(Buffer.from(text))),
      fc
        .constantFrom([0xff], [0xc0, 0xaf], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf8, 0x88])
        .map((b) => new Uint8Array(b)),
    ),
    { maxLength: 4 },
  )
  .map((parts) => new Uint8Array(Buffer.concat(parts)));

// biome-ignore lint/suspicious/noControlCharactersInRegex: SGR starts with ESC
const SGR = /\u001b\[[\d;]*m/g;
// Written out here rather than taken from src/text/neutralize.ts, so the check does not share a bug with it.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/u;

/**
 * The first character in `frame` that could act on a terminal, once the app's own colour and
 * style codes (SGR) are taken out: ESC, BEL and the other C0 controls, DEL, C1, bidi controls
 * and lone surrogates. Undefined when there is none.
 */
export function unsafeOnTerminal(frame: string): string | undefined {
  const found = UNSAFE.exec(frame.replace(SGR, ''));
  if (!found) return undefined;
  const at = found.index;
  return `U+${found[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${at}: ${JSON.stringify(frame.replace(SGR, '').slice(Math.max(0, at - 20), at + 20))}`;
}
