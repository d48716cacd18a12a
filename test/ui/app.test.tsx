import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import chalk from 'chalk';
import { render } from 'ink-testing-library';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClipboard } from '../../src/clipboard/clipboard.js';
import { COMMANDS } from '../../src/commands/index.js';
import type { Cell } from '../../src/store/cell.js';
import { App } from '../../src/ui/App.js';
import { HelpView } from '../../src/ui/components/HelpView.js';
import { toastText } from '../../src/ui/components/ToastLine.js';
import { formatBytes } from '../../src/ui/format.js';
import { KEYS } from '../../src/ui/keys.js';
import { type AppHarness, eventually, notebook, plain, renderApp, renderSized, tick } from './harness.js';

/** An inverse space right after a visible character: the streaming cursor. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: SGR starts with ESC
const CURSOR_AFTER_TEXT = /\S\u001b\[7m \u001b\[27m/;
/** An OSC 52 clipboard write, its base64 payload captured. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: OSC 52 starts with ESC and ends with BEL
const OSC52 = /^\u001b\]52;c;([A-Za-z0-9+/=]*)\u0007$/;

describe('the notebook: cells, thinking, /raw, the timeline toggle and scrolling', () => {
  const CTRL_O = '\u000f';
  const CTRL_T = '\u0014';
  const ESC = '\u001b';

  let savedLevel: typeof chalk.level;
  beforeAll(() => {
    savedLevel = chalk.level;
    chalk.level = 1;
  });
  afterAll(() => {
    chalk.level = savedLevel;
  });

  /** The conversation pane's lines (left of the gutter when the timeline is beside it). */
  function conversation(app: AppHarness): string[] {
    const lines = app.text().split('\n');
    const separator = lines.findIndex((line) => /^─{20,}$/.test(line));
    return lines.slice(0, separator).map((line) => (line.split('│')[0] ?? '').trimEnd());
  }

  function firstCell(app: AppHarness): Cell {
    const cell = app.session.state.cells[0];
    if (!cell) throw new Error('no cell yet');
    return cell;
  }

  describe('cells in the App', () => {
    it('welcomes with how to start before the first prompt', async () => {
      const app = await renderApp();
      try {
        const text = conversation(app).join('\n');
        expect(text).toContain('streambook · a notebook for the streaming Messages API');
        expect(text).toContain('offline API (answers are simulated)');
        expect(app.text()).toContain('› ');
        expect(app.text()).toContain('Type a prompt, Enter sends');
        expect(app.text().split('\n').at(-1)).toMatch(
          /^ claude-sonnet-4-6 · helper · offline \(simulated\) · chat · 0 in \/ 0 out /,
        );
      } finally {
        await app.close();
      }
    });

    it('streams the reply into the cell with a cursor, then ends it with the metrics line', async () => {
      const app = await renderApp({ scenario: 'long:40', pace: { deltasPerSecond: 150 } });
      try {
        await app.type('tell me a long story');
        await eventually(() => {
          // All read from one frame, while the reply is still streaming.
          const text = firstCell(app).blocks[0]?.text ?? '';
          expect(text.length).toBeGreaterThan(8);
          expect(conversation(app)[0]).toBe('In [1]: tell me a long story');
          expect(conversation(app)[1]).toMatch(/^Out\[1\]: \S/);
          expect(app.text()).toContain('streaming… Esc interrupts');
          const frame = app.frame().split('\n');
          const out = frame.findIndex((line) => plain(line).startsWith('Out[1]:'));
          // The cursor: an inverse space right after the text so far.
          expect(frame.slice(out, out + 10).some((line) => CURSOR_AFTER_TEXT.test(line))).toBe(true);
          expect(conversation(app).join('\n')).not.toContain('TTFT');
        });
        await app.session.settled();
        await tick(20);
        const done = conversation(app);
        // The metrics line, wrapped to the pane.
        expect(done.map((line) => line.trim()).join(' ')).toMatch(
          /end_turn · TTFT [\d.]+ m?s · total [\d.]+ m?s · 40 tokens · [\d.]+ tok\/s/,
        );
        expect(app.frame().split('\n').slice(0, 19).join('\n')).not.toMatch(CURSOR_AFTER_TEXT);
        expect(app.text()).toContain('Type a prompt, Enter sends');
      } finally {
        await app.close();
      }
    });

    it("shows the partial text and '⏸ interrupted' after Esc", async () => {
      const app = await renderApp({ scenario: 'long:200', pace: { deltasPerSecond: 60 } });
      try {
        await app.type('tell me a long story');
        await eventually(() => expect(firstCell(app).blocks[0]?.text.length ?? 0).toBeGreaterThan(10));
        await app.keys(ESC);
        await app.session.settled();
        await tick(20);
        const cell = firstCell(app);
        expect(cell.status).toBe('interrupted');
        const text = conversation(app).join('\n');
        expect(text).toContain('⏸ interrupted');
        expect(text).toMatch(/interrupted · TTFT [\d.]+ m?s/);
        const firstWords = (cell.blocks[0]?.text ?? '').trim().split(/\s+/).slice(0, 3).join(' ');
        expect(conversation(app)[1]).toContain(`Out[1]: ${firstWords}`);
        expect(cell.message?.usage.output_tokens ?? 0).toBeLessThan(200);
      } finally {
        await app.close();
      }
    });

    it('keeps the partial text and shows ✗ with the one-line error when the stream fails', async () => {
      const app = await renderApp({ scenario: 'overloaded' });
      try {
        await app.type('hello there');
        await app.session.settled();
        await tick(20);
        const lines = conversation(app);
        expect(lines[1]).toMatch(/^Out\[1\]: \S/);
        const error = lines.findIndex((line) => line.includes('✗ overloaded_error mid-stream: Overloaded'));
        expect(error).toBeGreaterThan(1);
        const red = app
          .frame()
          .split('\n')
          .find((line) => plain(line).includes('✗'));
        expect(red).toContain('\u001b[31m');
      } finally {
        await app.close();
      }
    });

    it('refuses a second prompt while a reply streams, with a toast', async () => {
      const app = await renderApp({ scenario: 'long:100', pace: { deltasPerSecond: 60 } });
      try {
        await app.type('first');
        await app.type('second');
        expect(app.session.state.cells).toHaveLength(1);
        expect(app.text()).toContain('A reply is still streaming: Esc interrupts it.');
        // The refused prompt stays in the editor, to send later.
        expect(app.text()).toContain('› second');
      } finally {
        await app.close();
      }
    });

    it('shows thinking by default and collapses it with Ctrl+O, then shows it again', async () => {
      const app = await renderApp({ scenario: 'thinking' });
      try {
        await app.type('hello');
        await app.session.settled();
        await tick(20);
        const thought = firstCell(app).blocks[0]?.text ?? '';
        expect(conversation(app)[1]).toBe('Out[1]: ▾ thinking');
        const dim = app.frame().split('\n')[2];
        expect(dim).toContain('\u001b[2m');
        await app.keys(CTRL_O);
        expect(conversation(app)[1]).toBe(
          `Out[1]: ▸ thinking · ${thought.length} chars hidden (Ctrl+O shows)`,
        );
        expect(conversation(app)[2]).not.toContain(thought.slice(0, 10));
        await app.keys(CTRL_O);
        expect(conversation(app)[1]).toBe('Out[1]: ▾ thinking');
      } finally {
        await app.close();
      }
    });

    it('renders a finished reply as Markdown, and /raw shows it as plain text and back', async () => {
      const app = await renderApp();
      try {
        await app.keys(CTRL_T);
        await app.type('describe a database schema');
        await app.session.settled();
        await tick(20);
        expect(conversation(app)[1]).toMatch(/^Out\[1\]: Meridian is a fictional document database/);
        await app.type('/raw');
        expect(conversation(app)[1]).toMatch(/^Out\[1\]: \*\*Meridian\*\* is a fictional/);
        expect(conversation(app).join('\n')).toContain('- **Time-travel reads**');
        expect(app.text()).toContain('Replies: plain text');
        await app.type('/raw');
        expect(conversation(app)[1]).toMatch(/^Out\[1\]: Meridian is/);
        expect(app.text()).toContain('Replies: Markdown');
      } finally {
        await app.close();
      }
    });

    it("shows a tool_use block's input JSON", async () => {
      const app = await renderApp({ scenario: 'tool-use' });
      try {
        await app.keys(CTRL_T);
        await app.type('weather in Paris?');
        await app.session.settled();
        await tick(20);
        const text = conversation(app).join('\n');
        expect(text).toContain('⚙ tool_use get_weather');
        expect(text).toContain('{"location":"Paris","unit":"celsius"}');
        expect(text).toMatch(/tool_use · TTFT/);
      } finally {
        await app.close();
      }
    });
  });

  describe('the timeline toggle', () => {
    async function finishedTurn() {
      const app = await renderApp();
      await app.type('describe a database schema');
      await app.session.settled();
      await tick(20);
      return app;
    }

    it('Ctrl+T hides the timeline and the conversation takes the whole width; Ctrl+T brings it back', async () => {
      const app = await finishedTurn();
      try {
        const widest = () =>
          Math.max(
            ...app
              .text()
              .split('\n')
              .slice(0, 19)
              .map((line) => line.trimEnd().length),
          );
        expect(app.text()).toContain('Timeline · cell 1');
        expect(app.text().split('\n')[0]).toMatch(/│/);
        expect(widest()).toBe(100);
        const beside = conversation(app).map((line) => line.length);
        expect(Math.max(...beside)).toBeLessThanOrEqual(55);
        await app.keys(CTRL_T);
        expect(app.text()).not.toContain('Timeline');
        expect(app.text().split('\n').slice(0, 19).join('\n')).not.toContain('│');
        const alone = conversation(app).map((line) => line.length);
        expect(Math.max(...alone)).toBeGreaterThan(56);
        expect(Math.max(...alone)).toBeLessThanOrEqual(100);
        // The reply wraps at the new width: fewer lines than beside the timeline.
        expect(conversation(app).filter(Boolean).length).toBeLessThan(beside.filter((n) => n > 0).length);
        await app.keys(CTRL_T);
        expect(app.text()).toContain('Timeline · cell 1');
        expect(Math.max(...conversation(app).map((line) => line.length))).toBeLessThanOrEqual(55);
      } finally {
        await app.close();
      }
    });

    it('/timeline does the same as Ctrl+T', async () => {
      const app = await finishedTurn();
      try {
        await app.type('/timeline');
        expect(app.text()).not.toContain('Timeline');
        expect(Math.max(...conversation(app).map((line) => line.length))).toBeGreaterThan(56);
        await app.type('/timeline');
        expect(app.text()).toContain('Timeline · cell 1');
      } finally {
        await app.close();
      }
    });

    it('hiding the timeline while it has focus gives focus back to the prompt', async () => {
      const app = await finishedTurn();
      try {
        await app.keys('\t', '\t');
        expect(app.text()).toContain('Tab returns here');
        await app.keys(CTRL_T);
        expect(app.text()).toContain('Type a prompt, Enter sends');
        // Tab now cycles prompt → conversation only.
        await app.keys('\t', '\t');
        expect(app.text()).toContain('Type a prompt, Enter sends');
      } finally {
        await app.close();
      }
    });
  });
  describe('scrolling', () => {
    const PAGE_UP = '\u001b[5~';
    const PAGE_DOWN = '\u001b[6~';

    it('PgDn scrolls back down at once after PgUp went past the top of the conversation', async () => {
      const app = await renderApp();
      try {
        await app.keys(CTRL_T);
        for (const prompt of ['hello', 'write some typescript code', 'describe a database schema']) {
          await app.type(prompt);
          await app.session.settled();
        }
        await tick(20);
        const bottom = conversation(app);
        await app.keys('\t', PAGE_UP);
        expect(conversation(app)).not.toEqual(bottom);
        // Paging up more than the conversation holds ends at its top...
        await app.keys(PAGE_UP, PAGE_UP, PAGE_UP, PAGE_UP);
        const top = conversation(app);
        expect(top[0]).toBe('In [1]: hello');
        // ...so one PgDn must move the view down again.
        await app.keys(PAGE_DOWN);
        expect(conversation(app)).not.toEqual(top);
        await app.keys(PAGE_DOWN, PAGE_DOWN, PAGE_DOWN, PAGE_DOWN, PAGE_DOWN);
        expect(conversation(app)).toEqual(bottom);
      } finally {
        await app.close();
      }
    });

    it("↑ scrolls an event's JSON back up at once after ↓ went past its end", async () => {
      const app = await renderApp();
      try {
        await app.type('hello');
        await app.session.settled();
        await tick(20);
        expect(firstCell(app).events[0]?.event).toBe('message_start');
        // Home goes to the first row (the request), ↓↓ to message_start; Enter opens it.
        await app.keys('\t', '\t', '\u001b[H', '\u001b[B', '\u001b[B', '\r');
        expect(app.text()).toContain(`event #0 · message_start`);
        const pane = () =>
          app
            .text()
            .split('\n')
            .slice(0, 20)
            .map((line) => line.split('│')[1] ?? '');
        const start = pane();
        await app.keys('\u001b[B');
        expect(pane()).not.toEqual(start);
        for (let i = 0; i < 40; i++) app.stdin.write('\u001b[B');
        await tick(20);
        const end = pane();
        expect(end.join('\n')).toContain('}');
        await app.keys('\u001b[A');
        expect(pane()).not.toEqual(end);
      } finally {
        await app.close();
      }
    });
  });
});

describe('the notebook: copy, save, help and commands', () => {
  const CTRL_Y = '\u0019';
  const ESC = '\u001b';

  const open: AppHarness[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((app) => app.close()));
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  async function app(options: Parameters<typeof renderApp>[0] = {}): Promise<AppHarness> {
    const harness = await renderApp(options);
    open.push(harness);
    return harness;
  }

  function tempDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'streambook-ui-'));
    dirs.push(dir);
    return dir;
  }

  /** The App after one finished turn. */
  async function afterTurn(
    options: Parameters<typeof renderApp>[0] = {},
    prompt = 'hello',
  ): Promise<AppHarness> {
    const harness = await app(options);
    await harness.type(prompt);
    await harness.session.settled();
    await tick(20);
    return harness;
  }

  function cell(harness: AppHarness, index = 0): Cell {
    const found = harness.session.state.cells[index];
    if (!found) throw new Error('no such cell');
    return found;
  }

  /** The payload of an OSC 52 clipboard write, decoded. */
  function osc52Payload(written: string): string {
    const match = OSC52.exec(written);
    if (!match) throw new Error(`not an OSC 52 sequence: ${JSON.stringify(written.slice(0, 40))}`);
    return Buffer.from(match[1] ?? '', 'base64').toString('utf8');
  }

  /** The toast: the line above the status line, when there is one. */
  /** The toast as read off the screen: its one or two lines above the status line. */
  function toast(harness: AppHarness): string {
    const shown = harness.session.state.toast;
    const lines = shown ? toastText(shown, 100).length : 1;
    return harness
      .text()
      .split('\n')
      .slice(-1 - lines, -1)
      .join(' ');
  }

  describe('copy', () => {
    it("/copy writes OSC 52 with exactly the cell's message JSON, and the toast says it cannot confirm", async () => {
      const harness = await afterTurn();
      await harness.type('/copy');
      const json = JSON.stringify(cell(harness).message, null, 2);
      expect(harness.written).toHaveLength(1);
      expect(osc52Payload(harness.written[0] as string)).toBe(json);
      const bytes = formatBytes(Buffer.byteLength(json));
      await eventually(() =>
        expect(toast(harness)).toBe(
          `Cell 1 JSON, ${bytes}: sent by OSC 52 (the terminal decides; it cannot confirm)`,
        ),
      );
    });

    it('Ctrl+Y copies the selected cell, not only the newest', async () => {
      const harness = await afterTurn();
      harness.session.setScenario('tool-use');
      await harness.type('weather in Oslo?');
      await harness.session.settled();
      await tick(20);
      await harness.keys(CTRL_Y);
      expect(osc52Payload(harness.written[0] as string)).toBe(
        JSON.stringify(cell(harness, 1).message, null, 2),
      );
      await eventually(() => expect(toast(harness)).toMatch(/^Cell 2 JSON, /));
      await harness.keys('\t', '\u001b[A', CTRL_Y); // select cell 1 in the conversation
      expect(harness.written).toHaveLength(2);
      expect(osc52Payload(harness.written[1] as string)).toBe(
        JSON.stringify(cell(harness, 0).message, null, 2),
      );
      await eventually(() =>
        expect(toast(harness)).toMatch(/^Cell 1 JSON, .*OSC 52 \(the terminal decides; it cannot confirm\)/),
      );
    });

    it('/copy of an interrupted cell copies its partial message, and the whole toast fits on the line', async () => {
      const harness = await app({ scenario: 'long:200', pace: { deltasPerSecond: 100 } });
      await harness.type('tell me a long story');
      await eventually(() => expect(cell(harness).blocks[0]?.text.length ?? 0).toBeGreaterThan(0));
      await harness.keys(ESC);
      await harness.session.settled();
      expect(cell(harness).status).toBe('interrupted');
      await harness.type('/copy');
      const json = JSON.stringify(
        {
          ...cell(harness).message,
          error: { kind: 'interrupted', message: 'interrupted' },
          usage_incomplete: true,
        },
        null,
        2,
      );
      expect(osc52Payload(harness.written[0] as string)).toBe(json);
      await eventually(() =>
        expect(toast(harness)).toMatch(/^Cell 1 JSON \(partial, interrupted, usage incomplete\), /),
      );
      expect(toast(harness)).toBe(
        `Cell 1 JSON (partial, interrupted, usage incomplete), ${formatBytes(Buffer.byteLength(json))}: sent by OSC 52 (the terminal decides; it cannot confirm)`,
      );
    });

    it('/copy 1 copies cell 1 by number', async () => {
      const harness = await afterTurn();
      await harness.type('hi again');
      await harness.session.settled();
      await harness.type('/copy 1');
      expect(osc52Payload(harness.written[0] as string)).toBe(
        JSON.stringify(cell(harness, 0).message, null, 2),
      );
      await eventually(() => expect(toast(harness)).toMatch(/^Cell 1 JSON/));
    });

    it('/copy 9 for a missing cell gives an inline error and writes nothing', async () => {
      const harness = await afterTurn();
      await harness.type('/copy 9');
      expect(harness.written).toEqual([]);
      await eventually(() => expect(toast(harness)).toBe('there is no cell 9'));
      expect(harness.session.state.cells).toHaveLength(1);
    });

    it('/copy before any cell says so and writes nothing', async () => {
      const harness = await app();
      await harness.type('/copy');
      expect(harness.written).toEqual([]);
      await eventually(() => expect(toast(harness)).toBe('there is no cell yet'));
    });

    it('/copy of a cell that failed before any message says so and writes nothing', async () => {
      const harness = await afterTurn({ scenario: 'unauthorized' });
      await harness.type('/copy');
      expect(harness.written).toEqual([]);
      await eventually(() => expect(toast(harness)).toBe('cell 1 has no message yet'));
    });
  });

  describe('save', () => {
    it("/save writes the cell's message JSON to streambook-cell-1.json in the cwd and names it", async () => {
      const cwd = tempDir();
      const harness = await afterTurn({ cwd });
      await harness.type('/save');
      const json = JSON.stringify(cell(harness).message, null, 2);
      await eventually(() =>
        expect(toast(harness)).toBe(
          `Saved cell 1 JSON (${formatBytes(Buffer.byteLength(json) + 1)}) to ./streambook-cell-1.json`,
        ),
      );
      expect(readFileSync(join(cwd, 'streambook-cell-1.json'), 'utf8')).toBe(`${json}\n`);
      expect(harness.written).toEqual([]);
    });

    it('/save never overwrites an existing file with its default name', async () => {
      const cwd = tempDir();
      writeFileSync(join(cwd, 'streambook-cell-1.json'), 'keep me');
      const harness = await afterTurn({ cwd });
      await harness.type('/save');
      await eventually(() => expect(toast(harness)).toMatch(/to \.\/streambook-cell-1-2\.json$/));
      expect(readFileSync(join(cwd, 'streambook-cell-1.json'), 'utf8')).toBe('keep me');
      const json = JSON.stringify(cell(harness).message, null, 2);
      expect(readFileSync(join(cwd, 'streambook-cell-1-2.json'), 'utf8')).toBe(`${json}\n`);
      await harness.type('/save');
      await eventually(() => expect(toast(harness)).toMatch(/to \.\/streambook-cell-1-3\.json$/));
      expect(existsSync(join(cwd, 'streambook-cell-1-3.json'))).toBe(true);
    });

    it('/save 1 out.json writes to the path given', async () => {
      const cwd = tempDir();
      const harness = await afterTurn({ cwd });
      await harness.type('/save 1 out.json');
      await eventually(() => expect(toast(harness)).toMatch(/to \.\/out\.json$/));
      expect(JSON.parse(readFileSync(join(cwd, 'out.json'), 'utf8'))).toEqual(cell(harness).message);
    });

    it('/save 9 for a missing cell gives an inline error and writes no file', async () => {
      const cwd = tempDir();
      const harness = await afterTurn({ cwd });
      await harness.type('/save 9');
      await eventually(() => expect(toast(harness)).toBe('there is no cell 9'));
      expect(existsSync(join(cwd, 'streambook-cell-9.json'))).toBe(false);
    });
  });

  describe('help', () => {
    it('HelpView lists every command and every key', async () => {
      const { lastFrame } = render(<HelpView size={{ width: 140, height: 60 }} />);
      await tick(15);
      const text = plain(lastFrame());
      for (const command of COMMANDS) {
        expect(text).toContain(`/${command.name} ${command.args ?? ''}`.trim());
        expect(text).toContain(command.summary);
      }
      for (const [key, what] of KEYS) {
        expect(text).toContain(key);
        expect(text).toContain(what);
      }
    });

    it('/help in a tall terminal lists every command and key, and Esc closes it', async () => {
      const nb = await notebook();
      const screen = renderSized(
        <App
          commands={{
            session: nb.session,
            clipboard: createClipboard(() => {}, null),
            cwd: '.',
            quit: () => {},
          }}
        />,
        160,
        60,
      );
      try {
        await tick(15);
        screen.stdin.write('/help');
        await tick(20);
        screen.stdin.write('\r');
        await tick(20);
        const text = screen.text();
        for (const command of COMMANDS) expect(text).toContain(`/${command.name}`);
        for (const [key] of KEYS) expect(text).toContain(key);
        screen.stdin.write(ESC);
        await tick(20);
        expect(screen.text()).not.toContain('Commands');
        expect(screen.text()).toContain('Type a prompt and press Enter');
      } finally {
        screen.unmount();
        await nb.close();
      }
    });

    it('/help in a 100x24 terminal lets the user see every command (scrolling if it must)', async () => {
      const harness = await app();
      await harness.type('/help');
      expect(harness.text()).toContain('Keys  (Esc closes)');
      // Whatever help shows at once, or after paging down through it.
      let seen = harness.text();
      for (const key of ['\u001b[6~', '\u001b[6~', '\u001b[B', '\u001b[B', '\u001b[B', '\u001b[B']) {
        await harness.keys(key);
        seen += harness.text();
      }
      const missing = COMMANDS.map((c) => `/${c.name}`).filter((name) => !seen.includes(name));
      expect(missing).toEqual([]);
    });

    it('/help in a 100x24 terminal shows what every key does', async () => {
      const harness = await app();
      await harness.keys('\u0014'); // the timeline hidden: help gets the whole width
      await harness.type('/help');
      const text = harness.text();
      const cut = KEYS.filter(([, what]) => !text.includes(what)).map(([key]) => key);
      expect(cut).toEqual([]);
    });
  });

  describe('commands', () => {
    it('an unknown command /nope gives an inline error, sends nothing, and gives the line back', async () => {
      const harness = await app();
      await harness.type('/nope');
      await eventually(() =>
        expect(toast(harness)).toBe(
          'unknown command /nope (try /help; // sends a prompt that starts with /)',
        ),
      );
      expect(harness.session.state.cells).toEqual([]);
      await eventually(() => expect(harness.text()).toMatch(/› \/nope/));
      const red = harness.frame().split('\n').at(-2);
      expect(red).toContain('nope');
    });

    it('// sends a prompt that starts with a slash, and a lone / is not lost', async () => {
      const harness = await app();
      await harness.type('/ what does a slash mean');
      await eventually(() =>
        expect(toast(harness)).toMatch(
          /^not a command: to send a prompt that starts with \/, begin it with \/\//,
        ),
      );
      await eventually(() => expect(harness.text()).toMatch(/› \/ what does a slash mean/));
      expect(harness.session.state.cells).toEqual([]);
      await harness.keys('\u0015'); // Ctrl+U clears the line
      await harness.type('//usr/bin/env explain this');
      await harness.session.settled();
      expect(harness.session.state.cells.map((c) => c.prompt)).toEqual(['/usr/bin/env explain this']);
    });

    it('Tab completes /he to /help, and Enter then opens help', async () => {
      const harness = await app();
      await harness.keys('/he', '\t');
      expect(harness.text()).toMatch(/› \/help\s*\n/);
      // The completion ends with a space, ready for arguments.
      await harness.keys('x');
      expect(harness.text()).toMatch(/› \/help x\s*\n/);
      await harness.keys('\u007f', '\r');
      expect(harness.text()).toContain('Keys  (Esc closes)');
      await harness.keys(ESC);
      expect(harness.text()).not.toContain('Keys  (Esc closes)');
    });

    it('Tab on an ambiguous /t lists the matches', async () => {
      const harness = await app();
      await harness.keys('/t', '\t');
      await eventually(() => expect(toast(harness)).toBe('/timeline  /temperature  /thinking'));
      expect(harness.text()).toMatch(/› \/t/);
    });

    it.each([
      ['/max-tokens x', "/max-tokens must be a whole number of 1 or more, got 'x'"],
      ['/mode fast', "/mode must be 'helper' or 'raw', got 'fast'"],
      ['/thinking 5', "/thinking must be 'off' or a token budget of 1024 or more, got '5'"],
      ['/temperature 3', "/temperature must be a number from 0 to 1, got '3'"],
      ['/model', '/model needs a name (now: claude-sonnet-4-6)'],
      ['/scenario nope', "unknown scenario 'nope': "],
    ])('%s gives an inline error and changes nothing', async (line, error) => {
      const harness = await app();
      const before = harness.session.state;
      const status = harness.text().split('\n').at(-1);
      await harness.type(line);
      await eventually(() => expect(toast(harness).startsWith(error)).toBe(true));
      expect(harness.session.state.settings).toEqual(before.settings);
      expect(harness.session.state.scenario).toBe(before.scenario);
      expect(harness.session.state.cells).toEqual([]);
      expect(harness.text().split('\n').at(-1)).toBe(status);
    });

    it('/model and /mode change the status line, and the next turn uses them', async () => {
      const harness = await app();
      await harness.type('/model claude-opus-4-1');
      await eventually(() => expect(toast(harness)).toBe('Model: claude-opus-4-1'));
      expect(harness.text().split('\n').at(-1)).toMatch(/^ claude-opus-4-1 · helper · /);
      await harness.type('/mode raw');
      expect(harness.text().split('\n').at(-1)).toMatch(/^ claude-opus-4-1 · raw · /);
      await harness.type('hello');
      await harness.session.settled();
      expect(cell(harness).settings).toMatchObject({ model: 'claude-opus-4-1', mode: 'raw' });
      expect(cell(harness).message?.model).toBe('claude-opus-4-1');
    });

    it('/max-tokens, /thinking, /temperature and /system change the settings', async () => {
      const harness = await app();
      await harness.type('/max-tokens 4000');
      await eventually(() => expect(toast(harness)).toBe('Max tokens: 4000'));
      await harness.type('/thinking 2048');
      await eventually(() => expect(toast(harness)).toBe('Thinking budget: 2048 tokens'));
      await harness.type('/temperature 0.5');
      await eventually(() => expect(toast(harness)).toBe('Temperature: 0.5'));
      await harness.type('/system be brief');
      await eventually(() => expect(toast(harness)).toBe('System prompt set (8 chars)'));
      expect(harness.session.state.settings).toMatchObject({
        maxTokens: 4000,
        thinkingBudget: 2048,
        temperature: 0.5,
        system: 'be brief',
      });
      await harness.type('/max-tokens 1000');
      await eventually(() =>
        expect(toast(harness)).toBe(
          '/max-tokens must stay above the thinking budget (2048): /max-tokens 4096, or /thinking off first',
        ),
      );
      expect(harness.session.state.settings.maxTokens).toBe(4000);
      // The refused line came back to be fixed; clear it first.
      await eventually(() => expect(harness.text()).toMatch(/› \/max-tokens 1000/));
      await harness.keys('\u0015');
      await harness.type('/thinking off');
      expect(harness.session.state.settings.thinkingBudget).toBeUndefined();
    });

    it('/scenario changes the scenario in the status line and the next reply', async () => {
      const harness = await app();
      await harness.type('/scenario tool-use');
      expect(harness.text().split('\n').at(-1)).toContain('offline (simulated) · tool-use ·');
      await harness.type('weather in Rome?');
      await harness.session.settled();
      expect(cell(harness).blocks.map((b) => b.type)).toEqual(['text', 'tool_use']);
    });

    it('/clear starts a new conversation and the welcome returns', async () => {
      const harness = await afterTurn();
      await harness.type('/clear');
      expect(harness.session.state.cells).toEqual([]);
      expect(harness.text()).toContain('Type a prompt and press Enter');
      await eventually(() => expect(toast(harness)).toBe('New conversation'));
    });

    it('/retry sends the last prompt again as a new cell', async () => {
      const harness = await afterTurn();
      await harness.type('/retry');
      await harness.session.settled();
      await tick(20);
      expect(harness.session.state.cells.map((c) => [c.id, c.prompt])).toEqual([
        [1, 'hello'],
        [2, 'hello'],
      ]);
      expect(harness.text()).toContain('In [2]: hello');
    });

    it('/quit quits', async () => {
      const harness = await app();
      await harness.type('/quit');
      expect(harness.quits).toBe(1);
    });
  });
});

describe('the notebook: the prompt', () => {
  const CTRL_J = '\n';
  const ENTER = '\r';
  const UP = '\u001b[A';
  const DOWN = '\u001b[B';

  const open: AppHarness[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((app) => app.close()));
  });

  async function app(): Promise<AppHarness> {
    const harness = await renderApp();
    open.push(harness);
    return harness;
  }

  /** The prompt's lines: from the separator above it to the status line, without the toast. */
  function promptLines(harness: AppHarness): string[] {
    const lines = harness.text().split('\n');
    const separator = lines.findLastIndex((line) => /^─{20,}$/.test(line));
    const toast = harness.session.state.toast ? 1 : 0;
    return lines.slice(separator + 1, lines.length - 1 - toast).map((line) => line.trimEnd());
  }

  describe('the prompt in the App', () => {
    it('Enter sends the prompt as a new cell and clears the prompt', async () => {
      const harness = await app();
      await harness.keys('hello');
      expect(promptLines(harness)).toEqual(['› hello']);
      await harness.keys(ENTER);
      expect(harness.session.state.cells.map((c) => c.prompt)).toEqual(['hello']);
      expect(harness.text()).toContain('In [1]: hello');
      await harness.session.settled();
      await tick();
      expect(promptLines(harness)[0]).toMatch(/^› {2}Type a prompt, Enter sends/);
    });

    it('sends what was typed when the Enter arrives in the same read as the keys', async () => {
      const harness = await app();
      await harness.keys('quick typist\r');
      expect(harness.session.state.cells.map((c) => c.prompt)).toEqual(['quick typist']);
    });

    it('Ctrl+J inserts a newline and does not send; Enter then sends both lines', async () => {
      const harness = await app();
      await harness.keys('line one', CTRL_J, 'line two');
      expect(harness.session.state.cells).toEqual([]);
      expect(promptLines(harness)).toEqual(['› line one', '  line two']);
      await harness.keys(ENTER);
      expect(harness.session.state.cells.map((c) => c.prompt)).toEqual(['line one\nline two']);
      expect(harness.text()).toMatch(/In \[1\]: line one\s*│?.*\n\s+line two/);
    });

    it('a trailing backslash and Enter insert a newline instead of sending', async () => {
      const harness = await app();
      await harness.keys('first\\', ENTER);
      expect(harness.session.state.cells).toEqual([]);
      expect(promptLines(harness)).toEqual(['› first', '']);
      await harness.keys('second', ENTER);
      expect(harness.session.state.cells.map((c) => c.prompt)).toEqual(['first\nsecond']);
    });

    it('Alt+Enter inserts a newline', async () => {
      const harness = await app();
      await harness.keys('a', '\u001b\r', 'b');
      expect(harness.session.state.cells).toEqual([]);
      expect(promptLines(harness)).toEqual(['› a', '  b']);
    });

    it('a bracketed paste arrives as one prompt with its newline, and does not send', async () => {
      const harness = await app();
      await harness.keys('\u001b[200~line1\rline2\u001b[201~');
      expect(harness.session.state.cells).toEqual([]);
      expect(promptLines(harness)).toEqual(['› line1', '  line2']);
      await harness.keys(ENTER);
      expect(harness.session.state.cells.map((c) => c.prompt)).toEqual(['line1\nline2']);
    });

    it('a paste that ends in a newline does not send either', async () => {
      const harness = await app();
      await harness.keys('\u001b[200~hello\r\u001b[201~');
      expect(harness.session.state.cells).toEqual([]);
      expect(promptLines(harness)).toEqual(['› hello', '']);
    });

    it('↑ recalls earlier prompts and ↓ brings back the draft', async () => {
      const harness = await app();
      await harness.type('first question');
      await harness.session.settled();
      await harness.type('second question');
      await harness.session.settled();
      await harness.keys('my draft', UP);
      expect(promptLines(harness)).toEqual(['› second question']);
      await harness.keys(UP);
      expect(promptLines(harness)).toEqual(['› first question']);
      await harness.keys(DOWN, DOWN);
      expect(promptLines(harness)).toEqual(['› my draft']);
    });

    it('Ctrl+U clears the line and Ctrl+W deletes a word', async () => {
      const harness = await app();
      await harness.keys('one two three', '\u0017');
      expect(promptLines(harness)).toEqual(['› one two']);
      await harness.keys('\u0015');
      expect(promptLines(harness)[0]).toMatch(/^› {2}Type a prompt/);
    });

    it('a prompt of many lines shows its last six, and the screen keeps its height', async () => {
      const harness = await app();
      const before = harness.text().split('\n').length;
      await harness.keys(
        'l1',
        CTRL_J,
        'l2',
        CTRL_J,
        'l3',
        CTRL_J,
        'l4',
        CTRL_J,
        'l5',
        CTRL_J,
        'l6',
        CTRL_J,
        'l7',
      );
      expect(promptLines(harness)).toEqual(['  l2', '  l3', '  l4', '  l5', '  l6', '  l7']);
      expect(harness.text().split('\n')).toHaveLength(before);
      expect(before).toBe(23);
    });

    it('Ctrl+D quits on an empty prompt, and not while something is typed', async () => {
      const harness = await app();
      await harness.keys('text', '\u0004');
      expect(harness.quits).toBe(0);
      await harness.keys('\u0015', '\u0004');
      expect(harness.quits).toBe(1);
    });

    it('Ctrl+C when idle asks for a second press, then quits', async () => {
      const harness = await app();
      await harness.keys('\u0003');
      expect(harness.quits).toBe(0);
      expect(harness.text().split('\n').at(-1)).toContain('Press Ctrl+C again to quit');
      await harness.keys('\u0003');
      expect(harness.quits).toBe(1);
    });
  });
});
