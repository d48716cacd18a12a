import { EventEmitter } from 'node:events';
import { render as inkRender } from 'ink';
import type { ReactElement } from 'react';
import { createClipboard } from '../../src/clipboard/clipboard.js';
import type { Session } from '../../src/session/session.js';
import { App } from '../../src/ui/App.js';
import { plain } from '../ui/harness.js';

/*
 * Real Ink on a terminal of a given size, which can be resized, with a stdin that hands over each
 * write as one read.
 */

class SizedStdout extends EventEmitter {
  columns: number;
  rows: number;
  lastFrame: string | undefined;
  /** Every frame written, when kept. */
  readonly frames: string[] | null;
  constructor(columns: number, rows: number, keepFrames = false) {
    super();
    this.columns = columns;
    this.rows = rows;
    this.frames = keepFrames ? [] : null;
  }
  write = (frame: string) => {
    this.lastFrame = frame;
    this.frames?.push(frame);
    return true;
  };
  resize(columns: number, rows: number) {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}

/** Like ink-testing-library's stdin: each write is one read. */
export class KeyStdin extends EventEmitter {
  isTTY = true;
  data: string | null = null;
  write = (data: string) => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read = () => {
    const { data } = this;
    this.data = null;
    return data;
  };
}

/** The App on `session`, for renderSized: its clipboard goes nowhere and quitting does nothing. */
export function appOn(session: Session): ReactElement {
  return <App commands={{ session, clipboard: createClipboard(() => {}, null), cwd: '.', quit: () => {} }} />;
}

/**
 * Real Ink on a terminal of a given size (ink-testing-library's is fixed at 100 columns, no
 * rows); with `keepFrames`, `frames()` gives every frame it wrote, as text.
 */
export function renderSized(tree: ReactElement, columns: number, rows: number, { keepFrames = false } = {}) {
  const stdout = new SizedStdout(columns, rows, keepFrames);
  const stdin = new KeyStdin();
  const instance = inkRender(tree, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: new SizedStdout(columns, rows) as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  return {
    frame: () => stdout.lastFrame ?? '',
    text: () => plain(stdout.lastFrame),
    frames: () => (stdout.frames ?? []).map((frame) => plain(frame)),
    stdin,
    resize: (c: number, r: number) => stdout.resize(c, r),
    unmount: () => {
      instance.unmount();
      instance.cleanup();
    },
  };
}
