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
  pageUp: '\u001b[5~',
} as const;

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

  constructor(
    args: string[],
    options: { cols?: number; rows?: number; env?: Record<string, string>; cwd?: string } = {},
  ) {
    const cols = options.cols ?? 120;
    const rows = options.rows ?? 40;
    this.terminal = new Terminal({ cols, rows, allowProposedApi: true });
    this.process = pty.spawn(process.execPath, [CLI, ...args], {
      name: 'xterm-256color',
      cols,
      rows,
      cwd: options.cwd ?? tempDir(),
      env: options.env ?? cleanEnv(),
    });
    this.process.onData((data) => {
      this.output += data;
      this.terminal.write(data);
    });
    this.exited = new Promise((resolve) => this.process.onExit(resolve));
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

  /** Waits until the screen matches, or fails with the screen it last saw. */
  async waitFor(match: RegExp | ((screen: string) => boolean), timeoutMs = 10_000): Promise<string> {
    const test = typeof match === 'function' ? match : (screen: string) => match.test(screen);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      await new Promise<void>((resolve) => this.terminal.write('', resolve));
      const screen = this.text();
      if (test(screen)) return screen;
    }
    throw new Error(`screen never matched ${String(match)}; it shows:\n${this.text()}`);
  }

  kill(): void {
    try {
      this.process.kill();
    } catch {
      // already gone
    }
  }
}
