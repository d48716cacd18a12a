import xterm from '@xterm/headless';
import fc from 'fast-check';
import inkLogUpdate from 'ink/build/log-update.js';
import { expect } from 'vitest';
import lineDiffWriter from '../../src/ui/frame/line-diff-writer.js';
import { charWidth } from '../../src/ui/frame/styled-line.js';

/*
 * Random frames for the line-diff writer's tests (test/ui/frame/line-diff-writer.test.ts).
 * Equality is the contract: after every frame, the screen our log-update leaves (each cell's
 * character, width and attributes) and its cursor are the ones Ink's own leaves. Each writes
 * into its own terminal emulator; frames are random edits of the frame before (styled text,
 * wide characters, emoji, rows growing and shrinking, the frame's height changing, the caret
 * moving, clears), since a diff writer's mistakes show only between similar frames.
 */

const COLUMNS = 40;
const ROWS = 24;
const MAX_LINES = 14;
export const CHARS = ['a', 'b', 'Z', ' ', '·', '│', '中', '文', '😀', '❤️', 'é', 'e\u0301', '…'];
const STYLES: Array<[string, string] | null> = [
  null,
  ['\x1b[1m', '\x1b[22m'],
  ['\x1b[2m', '\x1b[22m'],
  ['\x1b[31m', '\x1b[39m'],
  ['\x1b[44m', '\x1b[49m'],
  ['\x1b[7m', '\x1b[27m'],
  ['\x1b[38;5;208m', '\x1b[39m'],
  ['\x1b]8;;https://example.com\x07', '\x1b]8;;\x07'],
];

interface Segment {
  chars: string[];
  style: number;
}
export type Line = Segment[];
interface Frame {
  lines: Line[];
  trailingNewline: boolean;
  cursor: { x: number; y: number } | undefined;
}

/**
 * Rows of these are patched in spans, not rewritten whole (no emoji or combining marks); the
 * wide ones shift the cells after them, so a change may move cells it does not touch.
 */
export const PATCHABLE = ['a', 'b', 'Z', ' ', '-', '中', '文'];

const segmentOf = (chars: string[]) =>
  fc.record({
    chars: fc.array(fc.constantFrom(...chars), { minLength: 0, maxLength: 12 }),
    style: fc.integer({ min: 0, max: STYLES.length - 1 }),
  });
export const lineOf = (chars: string[]) => fc.array(segmentOf(chars), { minLength: 0, maxLength: 4 });
export const line = lineOf(CHARS);

export type Edit =
  | { kind: 'append'; at: number; char: string }
  | { kind: 'cut'; at: number; keep: number }
  | { kind: 'restyle'; at: number; style: number }
  | { kind: 'ends'; at: number; char: string }
  | { kind: 'replace'; at: number; line: Line }
  | { kind: 'insert'; at: number; line: Line }
  | { kind: 'remove'; at: number }
  | { kind: 'cursor'; cursor: { x: number; y: number } | undefined }
  | { kind: 'trailing'; on: boolean }
  | { kind: 'same' }
  | { kind: 'clear' };

const at = fc.nat({ max: MAX_LINES });
export const editOf = (chars: string[], line: fc.Arbitrary<Line>): fc.Arbitrary<Edit> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({ kind: fc.constant('append' as const), at, char: fc.constantFrom(...chars) }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('cut' as const), at, keep: fc.nat({ max: 20 }) }) },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('restyle' as const), at, style: fc.nat({ max: 7 }) }),
    },
    // Two cells far apart on one row change in one frame (a reply's line beside the timeline's counts).
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('ends' as const), at, char: fc.constantFrom(...chars) }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('replace' as const), at, line }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('insert' as const), at, line }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), at }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('cursor' as const),
        cursor: fc.option(fc.record({ x: fc.nat({ max: COLUMNS - 1 }), y: fc.nat({ max: MAX_LINES }) }), {
          nil: undefined,
        }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('trailing' as const), on: fc.boolean() }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'same' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'clear' as const }) },
  );
export const edit = editOf(CHARS, line);

function apply(frame: Frame, change: Edit): Frame {
  const lines = frame.lines.map((l) => l.map((s) => ({ ...s, chars: [...s.chars] })));
  const i = 'at' in change ? change.at % Math.max(1, lines.length) : 0;
  switch (change.kind) {
    case 'append': {
      const target = lines[i] ?? [];
      const last = target.at(-1);
      if (last) last.chars.push(change.char);
      else target.push({ chars: [change.char], style: 0 });
      lines[i] = target;
      break;
    }
    case 'cut':
      lines[i] = cut(lines[i] ?? [], change.keep);
      break;
    case 'restyle': {
      const first = lines[i]?.[0];
      if (first) first.style = change.style;
      break;
    }
    case 'ends': {
      const target = lines[i] ?? [];
      const first = target.find((s) => s.chars.length > 0);
      const last = target.findLast((s) => s.chars.length > 0);
      if (first) first.chars[0] = change.char;
      if (last) last.chars[last.chars.length - 1] = change.char;
      break;
    }
    case 'replace':
      lines[i] = change.line;
      break;
    case 'insert':
      if (lines.length < MAX_LINES) lines.splice(i, 0, change.line);
      break;
    case 'remove':
      if (lines.length > 1) lines.splice(i, 1);
      break;
    case 'cursor':
      return { ...frame, cursor: change.cursor };
    case 'trailing':
      return { ...frame, trailingNewline: change.on };
    case 'same':
    case 'clear':
      return frame;
  }
  return { ...frame, lines };
}

function cut(segments: Line, keep: number): Line {
  let left = keep;
  return segments.map((s) => {
    const chars = s.chars.slice(0, left);
    left -= chars.length;
    return { ...s, chars };
  });
}

/** A line as Ink's Output would print it: styles opened and closed, never wider than the screen. */
function print(segments: Line): string {
  let out = '';
  let width = 0;
  for (const s of segments) {
    let text = '';
    for (const char of s.chars) {
      if (width + charWidth(char) > COLUMNS) break;
      width += charWidth(char);
      text += char;
    }
    const style = STYLES[s.style];
    out += style && text ? style[0] + text + style[1] : text;
  }
  return out;
}

const frameText = (frame: Frame) => frame.lines.map(print).join('\n') + (frame.trailingNewline ? '\n' : '');

/** What a person would see: every cell's character, width and attributes, and the cursor. */
function screen(term: InstanceType<typeof xterm.Terminal>): string[] {
  const buffer = term.buffer.active;
  const rows: string[] = [`cursor ${buffer.cursorX},${buffer.cursorY}`];
  const cell = buffer.getNullCell();
  for (let y = 0; y < ROWS; y++) {
    const row = buffer.getLine(y);
    let text = '';
    for (let x = 0; x < COLUMNS; x++) {
      row?.getCell(x, cell);
      text += `${cell.getChars() || ' '}${cell.getWidth()}${cell.getFgColorMode()}:${cell.getFgColor()}/${cell.getBgColorMode()}:${cell.getBgColor()}${cell.isBold()}${cell.isDim()}${cell.isInverse()}|`;
    }
    rows.push(text);
  }
  return rows;
}

export class Screen {
  readonly term = new xterm.Terminal({ cols: COLUMNS, rows: ROWS, allowProposedApi: true, convertEol: true });
  written = 0;
  #pending = '';
  readonly stream = {
    isTTY: true,
    write: (data: string) => {
      this.#pending += data;
      this.written += data.length;
      return true;
    },
  };
  flush(): Promise<void> {
    const data = this.#pending;
    this.#pending = '';
    return new Promise((resolve) => this.term.write(data, resolve));
  }
}

/** Writes the frames through both log-updates and compares the screens after each. */
export async function sameScreens(start: Line[], edits: Edit[]): Promise<void> {
  const ink = new Screen();
  const ours = new Screen();
  const inkLog = inkLogUpdate.create(ink.stream as unknown as NodeJS.WriteStream);
  const ourLog = lineDiffWriter.create(ours.stream);
  let frame: Frame = { lines: start, trailingNewline: true, cursor: undefined };
  const steps: string[] = [];
  for (const change of [{ kind: 'same' } as Edit, ...edits]) {
    frame = apply(frame, change);
    steps.push(JSON.stringify(change));
    if (change.kind === 'clear') {
      inkLog.clear();
      ourLog.clear();
    } else {
      const text = frameText(frame);
      for (const log of [inkLog, ourLog]) if (frame.cursor) log.setCursorPosition(frame.cursor);
      expect(ourLog.willRender(text)).toBe(inkLog.willRender(text));
      expect(ourLog(text)).toBe(inkLog(text));
    }
    await Promise.all([ink.flush(), ours.flush()]);
    expect(screen(ours.term), steps.join('\n')).toEqual(screen(ink.term));
  }
}
