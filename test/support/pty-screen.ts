import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { CLI, cleanEnv, tempDir } from './cli.js';

const { Terminal } = xterm;

export const KEYS = {
  enter: '\r',
  escape: '\u001b',
  tab: '\t',
  up: '\u001b[A',
  down: '\u001b[B',
  ctrlC: '\u0003',
  ctrlD: '\u0004',
  ctrlJ: '\n',
  ctrlT: '\u0014',
  ctrlY: '\u0019',
  ctrlO: '\u000f',
  ctrlU: '\u0015',
  shiftTab: '\u001b[Z',
  home: '\u001b[H',
  end: '\u001b[F',
  pageUp: '\u001b[5~',
  pageDown: '\u001b[6~',
} as const;

/** What the status line shows once the notebook is up, whether answers are offline or live. */
export const READY = /· (offline \(simulated\)|live) ·/;

/** The text of every OSC 52 clipboard write in `output`, decoded, in order. */
export function clipboardWrites(output: string): string[] {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: OSC 52 is ESC ] 52 ; c ; base64 BEL
  const osc52 = /\u001b\]52;[^;\u0007\u001b]*;([^\u0007\u001b]*)(?:\u0007|\u001b\\)/g;
  return [...output.matchAll(osc52)].map((m) => Buffer.from(m[1] ?? '', 'base64').toString('utf8'));
}

/** How many OSC 52 sequences `output` holds, well-formed or not. */
export function clipboardSequenceCount(output: string): number {
  return output.split('\u001b]52;').length - 1;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The built CLI in a real pseudo-terminal, its output fed to a headless terminal emulator,
 * so tests read the screen a person would see. CI is removed from the child's environment:
 * with it, Ink renders non-interactively.
 */
export class PtyScreen {
  readonly terminal: InstanceType<typeof Terminal>;
  readonly process: pty.IPty;
  /** Everything the program wrote, escape sequences included. */
  output = '';
  readonly exited: Promise<{ exitCode: number; signal?: number }>;
  #disposed = false;
  #midFrame = false;
  /** Set once the process has exited. */
  exit: { exitCode: number; signal?: number } | null = null;

  /**
   * Starts the CLI and waits until the notebook takes keys: its status line is drawn and a key
   * typed at the prompt shows. Ink turns raw mode on only after the first frame; a key sent
   * before that meets the terminal's line discipline, which holds it back and turns Enter into
   * a line feed, as it would for a person typing before the program is up.
   */
  static async open(
    args: string[],
    options: ConstructorParameters<typeof PtyScreen>[1] = {},
  ): Promise<PtyScreen> {
    const screen = new PtyScreen(args, options);
    try {
      await screen.waitFor(READY);
      await screen.waitForKeys();
    } catch (error) {
      screen.kill();
      throw error;
    }
    return screen;
  }

  /** Types a space and a Backspace at the prompt and waits for each to show: the notebook takes keys. */
  async waitForKeys(): Promise<void> {
    const prompt = () => this.lines().find((line) => line.startsWith('› ')) ?? null;
    const before = prompt();
    this.write(' ');
    await this.waitFor(() => prompt() !== before);
    this.write('\u007f');
    await this.waitFor(() => prompt() === before);
  }

  constructor(
    args: string[],
    options: { cols?: number; rows?: number; env?: Record<string, string>; cwd?: string } = {},
  ) {
    const cols = options.cols ?? 120;
    const rows = options.rows ?? 40;
    this.terminal = new Terminal({ cols, rows, allowProposedApi: true });
    // Ink writes each frame inside a synchronized update (DEC mode 2026); a real terminal shows
    // the frame only once it is complete, so the screen is read only between frames too.
    const synchronized = (on: boolean) => (params: (number | number[])[]) => {
      if (params.includes(2026)) this.#midFrame = on;
      return false;
    };
    this.terminal.parser.registerCsiHandler({ prefix: '?', final: 'h' }, synchronized(true));
    this.terminal.parser.registerCsiHandler({ prefix: '?', final: 'l' }, synchronized(false));
    this.process = pty.spawn(process.execPath, [CLI, ...args], {
      name: 'xterm-256color',
      cols,
      rows,
      cwd: options.cwd ?? tempDir(),
      env: options.env ?? cleanEnv(),
    });
    this.process.onData((data) => {
      this.output += data;
      if (!this.#disposed) this.terminal.write(data);
    });
    this.exited = new Promise((resolve) =>
      this.process.onExit((exit) => {
        this.exit = exit;
        resolve(exit);
      }),
    );
  }

  /** The screen as text, one string per row, trailing spaces trimmed. */
  lines(): string[] {
    const buffer = this.terminal.buffer.active;
    const rows: string[] = [];
    for (let y = 0; y < this.terminal.rows; y++)
      rows.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    return rows;
  }

  text(): string {
    return this.lines().join('\n');
  }

  /** Whether the emulator is showing the alternate screen buffer. */
  onAlternateScreen(): boolean {
    return this.terminal.buffer.active.type === 'alternate';
  }

  write(data: string): void {
    this.process.write(data);
  }

  /** Types text as keys, one write per character, the way a person types. */
  async type(text: string): Promise<void> {
    for (const char of text) {
      this.process.write(char);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  resize(cols: number, rows: number): void {
    this.process.resize(cols, rows);
    this.terminal.resize(cols, rows);
  }

  /** Resolves once the emulator has parsed everything received so far. */
  settle(): Promise<void> {
    return new Promise<void>((resolve) => this.terminal.write('', resolve));
  }

  /**
   * Waits until the screen matches, or fails with the screen it last saw. The screen is only
   * looked at between frames, never half drawn.
   */
  async waitFor(match: RegExp | ((screen: string) => boolean), timeoutMs = 10_000): Promise<string> {
    const test = typeof match === 'function' ? match : (screen: string) => match.test(screen);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      await sleep(25);
      await this.settle();
      if (this.#midFrame) continue;
      const screen = this.text();
      if (test(screen)) return screen;
    }
    throw new Error(`screen never matched ${String(match)}; it shows:\n${this.text()}`);
  }

  /** Waits until the raw output (escape sequences included) matches. */
  async waitForOutput(match: RegExp | ((output: string) => boolean), timeoutMs = 10_000): Promise<string> {
    const test = typeof match === 'function' ? match : (output: string) => match.test(output);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (test(this.output)) return this.output;
      await sleep(25);
    }
    throw new Error(
      `output never matched ${String(match)}; its tail is:\n${JSON.stringify(this.output.slice(-2000))}`,
    );
  }

  /** Waits for the process to exit, or fails with the screen it last showed. */
  async waitForExit(timeoutMs = 10_000): Promise<{ exitCode: number; signal?: number }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the process did not exit in ${timeoutMs} ms; it shows:\n${this.text()}`)),
        timeoutMs,
      );
    });
    try {
      const exit = await Promise.race([this.exited, timeout]);
      await this.settle();
      return exit;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Ends the process for good (SIGKILL: a test's cleanup must not depend on the program's signal handling). */
  kill(): void {
    if (this.exit === null) {
      try {
        this.process.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
    if (!this.#disposed) {
      this.#disposed = true;
      this.terminal.dispose();
    }
  }
}
