import { EventEmitter } from 'node:events';
import xterm from '@xterm/headless';
import { render } from 'ink';
import inkLogUpdate from 'ink/build/log-update.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import lineDiffWriter, { type LogUpdate } from '../../../src/ui/frame/line-diff-writer.js';
import { appOn, KeyStdin } from '../../support/sized-ink.js';
import { loadRenderers, notebook, tick } from '../harness.js';

/*
 * The real App on real Ink, writing to a terminal emulator through our log-update, while
 * Ink's own log-update gets the very same calls and writes to a second emulator. After
 * streamed replies, both screens (and cursors) must be the same, ours in fewer bytes.
 * Ink renders to a terminal only outside CI (is-in-ci, read as Ink loads), so CI is unset first.
 */
vi.hoisted(() => {
  process.env.CI = 'false';
});

const COLUMNS = 120;
const ROWS = 40;

class Emulator {
  readonly term = new xterm.Terminal({ cols: COLUMNS, rows: ROWS, allowProposedApi: true, convertEol: true });
  bytes = 0;
  #pending: Promise<void> = Promise.resolve();
  write(data: string): void {
    this.bytes += Buffer.byteLength(data);
    this.#pending = new Promise((resolve) => this.term.write(data, resolve));
  }
  text(): string {
    const buffer = this.term.buffer.active;
    return Array.from({ length: ROWS }, (_, y) => buffer.getLine(y)?.translateToString(true) ?? '').join(
      '\n',
    );
  }
  async screen(): Promise<string[]> {
    await this.#pending;
    const buffer = this.term.buffer.active;
    const rows = [`cursor ${buffer.cursorX},${buffer.cursorY}`];
    const cell = buffer.getNullCell();
    for (let y = 0; y < ROWS; y++) {
      let text = '';
      for (let x = 0; x < COLUMNS; x++) {
        buffer.getLine(y)?.getCell(x, cell);
        text += `${cell.getChars() || ' '}${cell.getFgColor()}/${cell.getBgColor()}${cell.isBold()}${cell.isDim()}${cell.isInverse()}|`;
      }
      rows.push(text);
    }
    return rows;
  }
}

/** A terminal's stdout: what Ink writes itself (synchronized-update marks) reaches both emulators. */
class TtyStdout extends EventEmitter {
  isTTY = true;
  columns = COLUMNS;
  rows = ROWS;
  constructor(private readonly targets: Emulator[]) {
    super();
  }
  write = (data: string) => {
    for (const target of this.targets) target.write(data);
    return true;
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the app on the line-diff writer', () => {
  it('leaves the screen Ink would leave after streamed replies, in fewer bytes', async () => {
    const ours = new Emulator();
    const inks = new Emulator();
    const create = lineDiffWriter.create;
    // Each call Ink's renderer makes on log-update goes to ours and to Ink's own.
    vi.spyOn(lineDiffWriter, 'create').mockImplementation(() => {
      const a = create({ isTTY: true, write: (data: string) => ours.write(data) });
      const b = inkLogUpdate.create({ isTTY: true, write: (data: string) => inks.write(data) } as never);
      const both = ((str: string) => {
        b(str);
        return a(str);
      }) as LogUpdate;
      for (const name of ['clear', 'done', 'sync', 'setCursorPosition'] as const) {
        both[name] = (...args: unknown[]) => {
          (b[name] as (...a: unknown[]) => void)(...args);
          (a[name] as (...a: unknown[]) => void)(...args);
        };
      }
      both.isCursorDirty = () => a.isCursorDirty();
      both.willRender = (str) => a.willRender(str);
      return both;
    });
    await loadRenderers();
    const nb = await notebook({ scenario: 'long:300', pace: { deltasPerSecond: 2000 } });
    const instance = render(appOn(nb.session), {
      stdout: new TtyStdout([ours, inks]) as unknown as NodeJS.WriteStream,
      stdin: new KeyStdin() as unknown as NodeJS.ReadStream,
      exitOnCtrlC: false,
      patchConsole: false,
      maxFps: 120,
    });
    try {
      nb.session.submit('Write a 1 sentence description of a sci fi world');
      await nb.session.settled();
      nb.session.submit('And another, with a list and some `code`');
      await nb.session.settled();
      await tick(100);
      const screen = await ours.screen();
      expect(screen).toEqual(await inks.screen());
      // Both replies are in: 300 tokens each.
      expect(ours.text()).toContain('600 out');
      // Fewer bytes, not a screen's fewer: at 2000 deltas a second each frame carries many, and
      // the timeline's rows jump half a pane every few frames (bench: terminal.bytes_per_char_delta).
      expect(ours.bytes).toBeLessThan(inks.bytes);
    } finally {
      instance.unmount();
      instance.cleanup();
      await nb.close();
    }
  }, 60_000);
});
