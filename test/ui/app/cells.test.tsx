import { describe, expect, it } from 'vitest';
import { withColour } from '../../support/colour.js';
import { conversation } from '../../support/conversation.js';
import { cell as firstCell, openApps } from '../../support/open-apps.js';
import { eventually, plain, tick } from '../harness.js';

/** An inverse space right after a visible character: the streaming cursor. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: SGR starts with ESC
const CURSOR_AFTER_TEXT = /\S\u001b\[7m \u001b\[27m/;

const { app: openApp, afterInterrupt } = openApps();

const CTRL_O = '\u000f';
const CTRL_T = '\u0014';

withColour();

describe('the notebook: cells in the App', () => {
  it('welcomes with how to start before the first prompt', async () => {
    const app = await openApp();
    const text = conversation(app).join('\n');
    expect(text).toContain('streambook · a notebook for the streaming Messages API');
    expect(text).toContain('offline API (answers are simulated)');
    expect(app.text()).toContain('› ');
    expect(app.text()).toContain('Type a prompt, Enter sends');
    expect(app.text().split('\n').at(-1)).toMatch(
      /^ claude-sonnet-4-6 · helper · offline \(simulated\) · chat · 0 in \/ 0 out /,
    );
  });

  it('streams the reply into the cell with a cursor, then ends it with the metrics line', async () => {
    const app = await openApp({ scenario: 'long:40', pace: { deltasPerSecond: 150 } });
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
  });

  it("shows the partial text and '⏸ interrupted' after Esc", async () => {
    const app = await afterInterrupt(60, 10);
    const cell = firstCell(app);
    expect(cell.status).toBe('interrupted');
    const text = conversation(app).join('\n');
    expect(text).toContain('⏸ interrupted');
    expect(text).toMatch(/interrupted · TTFT [\d.]+ m?s/);
    const firstWords = (cell.blocks[0]?.text ?? '').trim().split(/\s+/).slice(0, 3).join(' ');
    expect(conversation(app)[1]).toContain(`Out[1]: ${firstWords}`);
    expect(cell.message?.usage.output_tokens ?? 0).toBeLessThan(200);
  });

  it('keeps the partial text and shows ✗ with the one-line error when the stream fails', async () => {
    const app = await openApp({ scenario: 'overloaded' });
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
  });

  it('refuses a second prompt while a reply streams, with a toast', async () => {
    const app = await openApp({ scenario: 'long:100', pace: { deltasPerSecond: 60 } });
    await app.type('first');
    await app.type('second');
    expect(app.session.state.cells).toHaveLength(1);
    expect(app.text()).toContain('A reply is still streaming: Esc interrupts it.');
    // The refused prompt stays in the editor, to send later.
    expect(app.text()).toContain('› second');
  });

  it('shows thinking by default and collapses it with Ctrl+O, then shows it again', async () => {
    const app = await openApp({ scenario: 'thinking' });
    await app.type('hello');
    await app.session.settled();
    await tick(20);
    const thought = firstCell(app).blocks[0]?.text ?? '';
    expect(conversation(app)[1]).toBe('Out[1]: ▾ thinking');
    const dim = app.frame().split('\n')[2];
    expect(dim).toContain('\u001b[2m');
    await app.keys(CTRL_O);
    expect(conversation(app)[1]).toBe(`Out[1]: ▸ thinking · ${thought.length} chars hidden (Ctrl+O shows)`);
    expect(conversation(app)[2]).not.toContain(thought.slice(0, 10));
    await app.keys(CTRL_O);
    expect(conversation(app)[1]).toBe('Out[1]: ▾ thinking');
  });

  it('renders a finished reply as Markdown, and /raw shows it as plain text and back', async () => {
    const app = await openApp();
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
  });

  it("shows a tool_use block's input JSON", async () => {
    const app = await openApp({ scenario: 'tool-use' });
    await app.keys(CTRL_T);
    await app.type('weather in Paris?');
    await app.session.settled();
    await tick(20);
    const text = conversation(app).join('\n');
    expect(text).toContain('⚙ tool_use get_weather');
    expect(text).toContain('{"location":"Paris","unit":"celsius"}');
    expect(text).toMatch(/tool_use · TTFT/);
  });
});
