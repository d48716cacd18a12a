/**
 * fast-check arbitraries of hostile text: what a hostile server or a careless paste can put
 * in any string the app shows, and the check that a terminal frame holds none of it acting.
 */

import fc from 'fast-check';
import { withoutOurLinks } from './our-links.js';

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
// Written out here rather than taken from src/terminal/neutralize.ts, so the check does not share a bug with it.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const ACTING = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// With the `u` flag, only a surrogate that is not half of a pair matches.
const LONE_SURROGATE = /[\ud800-\udfff]/u;

/**
 * The first character in `frame` that could act on a terminal, once the app's own colour and
 * style codes (SGR) are taken out: ESC, BEL and the other C0 controls but newline and tab,
 * DEL, C1 and bidi controls, and (unless `loneSurrogates` is false) a lone surrogate, which a
 * terminal shows as U+FFFD. Undefined when there is none.
 */
export function unsafeOnTerminal(frame: string, { loneSurrogates = true } = {}): string | undefined {
  // Our own links (each shows the URL it leads to) are no hostile text: only they may use OSC 8.
  const text = withoutOurLinks(frame).replace(SGR, '');
  const found = ACTING.exec(text) ?? (loneSurrogates ? LONE_SURROGATE.exec(text) : null);
  if (!found) return undefined;
  const at = found.index;
  const code = found[0].charCodeAt(0).toString(16).padStart(4, '0');
  return `U+${code} at ${at}: ${JSON.stringify(text.slice(Math.max(0, at - 20), at + 20))}`;
}

/** A header value a server may send: Latin-1, so C1 controls (0x80–0x9f) get through HTTP. */
export const hostileHeader = fc
  .array(fc.oneof(char(0x20, 0x7e), char(0x80, 0xff)), { minLength: 1, maxLength: 16 })
  .map((chars) => chars.join('').trim() || 'x');

/** Markdown that decodes to controls once rendered: HTML entities for ESC, C1, BEL and bidi. */
export const hostileMarkdown = fc
  .tuple(
    hostileText,
    fc.constantFrom('&#27;[2J', '&#x1b;]0;t&#7;', '&#x202e;', '&#155;', '&#x2066;', '&#xd800;', '&#0;'),
    fc.constantFrom('', '# ', '- ', '> ', '`', '**', '[l](http://e/', '```\n'),
  )
  .map(([text, entity, syntax]) => `${syntax}${text}${entity}${syntax.trim()}`);

/** A field value that fits on one SSE line (an event name). */
const lineText = hostileText.map((text) => text.replace(/[\r\n]/g, ' '));

type Data = { type: string } & Record<string, unknown>;

/**
 * A whole reply with hostile text in every field the app shows: ids, the model, text (with
 * Markdown), thinking, a tool's name and input, citations, an unknown block, stop_reason and
 * stop_sequence, an unknown event, and an end that is a stop, an error event or malformed data.
 */
export const hostileReply: fc.Arbitrary<Array<{ event: string | null; data: string }>> = fc
  .record({
    text: fc.array(fc.oneof(hostileText, hostileMarkdown), { minLength: 1, maxLength: 3 }),
    words: fc.array(hostileText, { minLength: 9, maxLength: 9 }),
    eventName: lineText,
    end: fc.constantFrom('stop', 'error', 'malformed'),
  })
  .map(({ text, words, eventName, end }) => {
    const [id, model, thinking, tool, input, title, unknownType, stop, oops] = words as string[];
    const delta = (index: number, d: Record<string, unknown>): Data => ({
      type: 'content_block_delta',
      index,
      delta: d,
    });
    const start = (index: number, block: Record<string, unknown>): Data => ({
      type: 'content_block_start',
      index,
      content_block: block,
    });
    const stopBlock = (index: number): Data => ({ type: 'content_block_stop', index });
    const usage = { input_tokens: 3, output_tokens: 1 };
    const events: Data[] = [
      {
        type: 'message_start',
        message: {
          id,
          type: 'message',
          role: 'assistant',
          model,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage,
        },
      },
      start(0, { type: 'thinking', thinking: '', signature: '' }),
      delta(0, { type: 'thinking_delta', thinking }),
      stopBlock(0),
      start(1, { type: 'text', text: '' }),
      ...text.map((t) => delta(1, { type: 'text_delta', text: t })),
      delta(1, {
        type: 'citations_delta',
        citation: { type: 'web_search_result_location', title, url: title, cited_text: title },
      }),
      stopBlock(1),
      start(2, { type: 'tool_use', id: 'toolu_1', name: tool, input: {} }),
      delta(2, { type: 'input_json_delta', partial_json: JSON.stringify({ q: input }) }),
      stopBlock(2),
      start(3, { type: unknownType, payload: oops }),
      delta(3, { type: `${unknownType}_delta`, patch: oops }),
      stopBlock(3),
    ];
    const tail: Array<{ event: string; data: string }> = {
      stop: [
        {
          type: 'message_delta',
          delta: { stop_reason: stop, stop_sequence: stop },
          usage: { output_tokens: 9 },
        },
        { type: 'message_stop' },
      ].map((data) => ({ event: data.type, data: JSON.stringify(data) })),
      error: [
        { event: 'error', data: JSON.stringify({ type: 'error', error: { type: oops, message: oops } }) },
      ],
      malformed: [{ event: 'content_block_delta', data: `{"broken": ${JSON.stringify(oops)}` }],
    }[end];
    return [
      ...events.map((data) => ({ event: data.type, data: JSON.stringify(data) })),
      { event: eventName, data: JSON.stringify({ type: eventName, note: oops }) },
      ...tail,
    ];
  });
