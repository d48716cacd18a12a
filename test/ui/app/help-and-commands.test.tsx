import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/commands/index.js';
import { HelpView } from '../../../src/ui/components/HelpView.js';
import { helpRows } from '../../../src/ui/input/key-dispatch.js';
import { cell, openApps, toast } from '../../support/open-apps.js';
import { appOn, renderSized } from '../../support/sized-ink.js';
import { eventually, notebook, plain, tick } from '../harness.js';

describe('the notebook: help and commands', () => {
  const ESC = '\u001b';

  const { afterTurn, app } = openApps();

  describe('help', () => {
    it('HelpView lists every command and every key', async () => {
      const { lastFrame } = render(<HelpView size={{ width: 140, height: 60 }} />);
      await tick(15);
      const text = plain(lastFrame());
      for (const command of COMMANDS) {
        expect(text).toContain(`/${command.name} ${command.args ?? ''}`.trim());
        expect(text).toContain(command.summary);
      }
      for (const { keys, help } of helpRows()) {
        expect(text).toContain(keys);
        expect(text).toContain(help);
      }
    });

    it('/help in a tall terminal lists every command and key, and Esc closes it', async () => {
      const nb = await notebook();
      const screen = renderSized(appOn(nb.session), 160, 60);
      try {
        await tick(15);
        screen.stdin.write('/help');
        await tick(20);
        screen.stdin.write('\r');
        await tick(20);
        const text = screen.text();
        for (const command of COMMANDS) expect(text).toContain(`/${command.name}`);
        for (const { keys } of helpRows()) expect(text).toContain(keys);
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

    it('/help in a 100x24 terminal shows what every key does, paging down for the rest', async () => {
      const harness = await app();
      await harness.keys('\u0014'); // the timeline hidden: help gets the whole width
      await harness.type('/help');
      let text = harness.text();
      for (let page = 0; page < 3; page++) {
        await harness.keys('\u001b[6~'); // PgDn
        text += harness.text();
      }
      const cut = helpRows()
        .filter(({ help }) => !text.includes(help))
        .map(({ keys }) => keys);
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
