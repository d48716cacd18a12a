import cliCursor from 'cli-cursor';
import {
  cursorDown,
  cursorToColumn,
  cursorUp,
  eraseLines,
  HIDE_CURSOR,
  SHOW_CURSOR,
} from '../../terminal/cursor-moves.js';
import { RowCache, rowUpdate } from './row-diff.js';

/** Where Ink's input caret goes, in the frame's rows and columns (Ink's `CursorPosition`). */
export interface CursorPosition {
  x: number;
  y: number;
}

/** Ink's log-update as its renderer calls it: a function writing one frame, and its helpers. */
export interface LogUpdate {
  (str: string): boolean;
  clear(): void;
  done(): void;
  sync(str: string): void;
  setCursorPosition(position: CursorPosition | undefined): void;
  isCursorDirty(): boolean;
  willRender(str: string): boolean;
}

interface Stream {
  write(data: string): unknown;
  isTTY?: boolean;
}

/**
 * Ink's log-update (ink/build/log-update.js), swapped in at build time (scripts/ink-output.mjs),
 * writing only what changed. Ink erases its last frame and writes the new one whole, a screen
 * of bytes for a character of reply; this writes the changed span of each changed row, with
 * cursor moves between. The screen and the cursor end as Ink's would (test/ui/frame/
 * line-diff-writer.test.ts compares them in a terminal emulator); Ink's renderer wraps each
 * call in a synchronized update. `incremental` is accepted and ignored: every frame is diffed.
 */
function create(
  stream: Stream,
  { showCursor = false }: { showCursor?: boolean; incremental?: boolean } = {},
) {
  let previousLines: string[] = [];
  let previousOutput = '';
  let hiddenOnce = false;
  let cursorPosition: CursorPosition | undefined;
  let cursorDirty = false;
  let previousCursor: CursorPosition | undefined;
  // Where the terminal's cursor is, in rows from the frame's top (the screen's, full screen),
  // and its column, null when a write left it to the terminal to know.
  let row = 0;
  let column: number | null = 0;
  // Whether `row` is where the cursor is, and whether the screen's rows show previousLines
  // exactly. Ink's own moves go astray after `sync` and after a caret over a frame with no
  // final newline; its erase then misses a row, and its next frame's erase mends it. Until
  // both hold again, frames are written whole, as Ink writes them.
  let rowKnown = true;
  let rowsExact = true;
  const rowCache = new RowCache();

  const changed = (str: string, cursor: CursorPosition | undefined) =>
    str !== previousOutput || cursor?.x !== previousCursor?.x || cursor?.y !== previousCursor?.y;
  const visibleRows = (lines: string[], str: string) =>
    str.endsWith('\n') ? lines.length - 1 : lines.length;

  const up = (rows: number): string => {
    row = Math.max(0, row - Math.max(0, rows));
    return cursorUp(rows);
  };
  const down = (rows: number): string => {
    row += Math.max(0, rows);
    return cursorDown(rows);
  };
  const toColumn = (target: number): string => {
    const out = target === column ? '' : cursorToColumn(target);
    column = target;
    return out;
  };
  /**
   * To a row of this frame (so one that exists on screen), and to a column if one is given.
   * A row or two down is a line feed each, a byte against CUD's four: it cannot scroll, as a
   * row of the frame is below, and the column is set absolutely after it (with the tty's
   * ONLCR the feed also returns the carriage; without, it keeps the column).
   */
  const moveTo = (target: number, targetColumn: number | null): string => {
    let out: string;
    if (target > row && target - row <= 2) {
      out = '\n'.repeat(target - row);
      row = target;
      column = null;
    } else out = target < row ? up(row - target) : down(target - row);
    return out + (targetColumn === null ? '' : toColumn(targetColumn));
  };

  // Ink's own moves (cursor-helpers.js), relative as Ink makes them, so the cursor ends where
  // Ink's would even where Ink's idea of it is off (a frame with no final newline).
  const returnToBottom = (): string =>
    previousCursor ? `${HIDE_CURSOR}${down(previousLines.length - 1 - previousCursor.y)}${toColumn(0)}` : '';
  const caret = (visible: number, cursor: CursorPosition | undefined): string =>
    cursor ? `${up(visible - cursor.y)}${toColumn(cursor.x)}${SHOW_CURSOR}` : '';
  const erase = (count: number): string => {
    row = Math.max(0, row - Math.max(0, count - 1));
    if (count > 0) column = 0;
    return eraseLines(count);
  };

  /** Ink's way: erase the last frame's rows and write the frame whole. */
  const whole = (str: string, lines: string[], cursor: CursorPosition | undefined): string => {
    let out = returnToBottom() + erase(previousLines.length) + str;
    row += lines.length - 1;
    column = str.endsWith('\n') ? 0 : null;
    out += caret(visibleRows(lines, str), cursor);
    rowsExact = rowKnown && rowsExact;
    rowKnown = str.endsWith('\n') || !cursor;
    return out;
  };

  /** Only what changed: the differing span of each changed row, rows added or erased. */
  const diffed = (lines: string[], cursor: CursorPosition | undefined): string => {
    let out = previousCursor ? HIDE_CURSOR : '';
    const existing = previousLines.length;
    for (let i = 0; i < lines.length; i++) {
      const next = lines[i] as string;
      if (i < existing) {
        if (next === previousLines[i]) continue;
        const update = rowUpdate(rowCache, previousLines[i] as string, next);
        if (update.bytes === '') continue;
        out += moveTo(i, null) + update.bytes;
        column = update.column;
      } else {
        // A row below the last frame is made by a line feed, which scrolls if it must.
        out += `${moveTo(i - 1, null)}\r\n${next}`;
        row = i;
        column = null;
      }
    }
    // Rows the frame no longer reaches are erased, as Ink's erase of the last frame left them.
    for (let i = lines.length; i < existing; i++) out += moveTo(i, null) + erase(1);
    rowCache.frameDone();
    const bottom = lines.length - 1;
    if (!cursor) return out + moveTo(bottom, 0);
    return `${out}${moveTo(bottom - Math.max(0, bottom - cursor.y), cursor.x)}${SHOW_CURSOR}`;
  };

  const render = ((str: string): boolean => {
    if (!showCursor && !hiddenOnce) {
      // As Ink does: cli-cursor also shows the cursor again when the process exits.
      cliCursor.hide(stream as NodeJS.WriteStream);
      hiddenOnce = true;
    }
    const cursor = cursorDirty ? cursorPosition : undefined;
    cursorDirty = false;
    if (!changed(str, cursor)) return false;
    const lines = str.split('\n');
    if (str === previousOutput) {
      stream.write(returnToBottom() + caret(visibleRows(lines, str), cursor));
      rowKnown &&= str.endsWith('\n') || !cursor;
    } else if (previousOutput === '' || !rowKnown || !rowsExact || !str.endsWith('\n')) {
      stream.write(whole(str, lines, cursor));
    } else {
      stream.write(diffed(lines, cursor));
    }
    previousOutput = str;
    previousLines = lines;
    previousCursor = cursor ? { ...cursor } : undefined;
    return true;
  }) as LogUpdate;

  const forget = () => {
    previousOutput = '';
    previousLines = [];
    previousCursor = undefined;
  };

  render.clear = () => {
    stream.write(returnToBottom() + erase(previousLines.length));
    rowsExact &&= rowKnown;
    forget();
  };

  render.done = () => {
    forget();
    // The next frame starts below this one, on fresh rows.
    row = 0;
    column = 0;
    rowKnown = true;
    rowsExact = true;
    if (!showCursor) {
      cliCursor.show(stream as NodeJS.WriteStream);
      hiddenOnce = false;
    }
  };

  render.sync = (str: string) => {
    const cursor = cursorDirty ? cursorPosition : undefined;
    cursorDirty = false;
    const lines = str.split('\n');
    // Ink's renderer wrote the frame itself; Ink takes the cursor to be below it.
    row = lines.length - 1;
    column = null;
    rowKnown = false;
    rowsExact = false;
    if (!cursor && previousCursor) stream.write(HIDE_CURSOR);
    if (cursor) stream.write(caret(visibleRows(lines, str), cursor));
    previousOutput = str;
    previousLines = lines;
    previousCursor = cursor ? { ...cursor } : undefined;
  };

  render.setCursorPosition = (position: CursorPosition | undefined) => {
    cursorPosition = position;
    cursorDirty = true;
  };
  render.isCursorDirty = () => cursorDirty;
  render.willRender = (str: string) => changed(str, cursorDirty ? cursorPosition : undefined);
  return render;
}

const logUpdate = { create };
export default logUpdate;
