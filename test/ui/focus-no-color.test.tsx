import chalk from 'chalk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appOn, renderSized } from '../support/sized-ink.js';
import { eventually, type Notebook, notebook, tick } from './harness.js';

const TAB = '\t';
const TITLE = 'Timeline · cell 1';

let savedLevel: typeof chalk.level;
let nb: Notebook | null = null;
let screen: ReturnType<typeof renderSized> | null = null;
beforeEach(() => {
  // What run-notebook sets when NO_COLOR is in the environment.
  savedLevel = chalk.level;
  chalk.level = 0;
});
afterEach(async () => {
  screen?.unmount();
  screen = null;
  await nb?.close();
  nb = null;
  chalk.level = savedLevel;
});

/** The App after one turn, with no colour, on a terminal of this size. */
async function afterTurn(columns: number, rows: number) {
  nb = await notebook();
  nb.session.submit('hello');
  await nb.session.settled();
  const shown = renderSized(appOn(nb.session), columns, rows);
  screen = shown;
  await eventually(() => expect(shown.text()).toContain(TITLE));
  const keys = async (...inputs: string[]) => {
    for (const input of inputs) {
      shown.stdin.write(input);
      await tick(3);
    }
    await tick(20);
  };
  return { frame: () => shown.frame(), keys };
}

describe('the focused pane shows without colour (NO_COLOR)', () => {
  it('side by side: the conversation gets a heavy edge, the timeline a marked title', async () => {
    const { frame, keys } = await afterTurn(120, 30);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no escape at all: colour is off
    expect(frame()).not.toMatch(/\u001b\[/);
    expect(frame()).not.toContain('┃');
    expect(frame()).not.toContain(`▸ ${TITLE}`);
    await keys(TAB);
    expect(frame()).toContain('┃');
    expect(frame()).not.toContain(`▸ ${TITLE}`);
    await keys(TAB);
    expect(frame()).toContain(`▸ ${TITLE}`);
    expect(frame()).not.toContain('┃');
  });

  it('stacked: the line under the conversation is heavy while it has focus; the timeline marks its title', async () => {
    const { frame, keys } = await afterTurn(80, 30);
    const heavyLine = () =>
      frame()
        .split('\n')
        .some((line) => /^━{80}$/.test(line));
    expect(heavyLine()).toBe(false);
    await keys(TAB);
    expect(heavyLine()).toBe(true);
    expect(frame()).not.toContain(`▸ ${TITLE}`);
    await keys(TAB);
    expect(heavyLine()).toBe(false);
    expect(frame()).toContain(`▸ ${TITLE}`);
  });
});
