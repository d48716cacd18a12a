import chalk from 'chalk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AppHarness, eventually, renderApp } from './harness.js';

let harness: AppHarness | null = null;
let savedLevel: typeof chalk.level;
beforeEach(() => {
  // Colour is how the lit border shows; the status bar's words say it without colour.
  savedLevel = chalk.level;
  chalk.level = 1;
});
afterEach(async () => {
  chalk.level = savedLevel;
  await harness?.close();
  harness = null;
});

const TAB = '\t';
const ESC = '\u001b';
// biome-ignore lint/suspicious/noControlCharactersInRegex: SGR inverse, then any other SGR, then the marked title
const INVERSE_TITLE = /\u001b\[7m(?:\u001b\[[0-9;]*m)*▸ (?:\u001b\[[0-9;]*m)*Timeline · cell 1/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: SGR cyan (36), then the gutter's heavy bar
const LIT_GUTTER = /\u001b\[36m(?:\u001b\[[0-9;]*m)*┃/;

const status = (h: AppHarness) => h.text().split('\n').at(-1) ?? '';

async function withCell(): Promise<AppHarness> {
  harness = await renderApp();
  await harness.type('hello');
  await harness.session.settled();
  await eventually(() => expect(harness?.text()).toContain('Timeline · cell 1'));
  return harness;
}

describe('the focused pane is visible', () => {
  it('the status bar names the pane the keys go to, as Tab moves the focus', async () => {
    const h = await withCell();
    expect(status(h)).toContain('[prompt]');
    await h.keys(TAB);
    expect(status(h)).toContain('[conversation]');
    await h.keys(TAB);
    expect(status(h)).toContain('[timeline]');
    await h.keys('\r');
    expect(status(h)).toContain('[event]');
    expect(status(h)).toContain('Esc back');
    await h.keys(ESC);
    expect(status(h)).toContain('[timeline]');
    await h.keys(ESC);
    expect(status(h)).toContain('[prompt]');
  });

  it("the timeline's title stands out only while it has focus; the gutter is lit for the conversation", async () => {
    const h = await withCell();
    expect(h.frame()).not.toMatch(INVERSE_TITLE);
    expect(h.frame()).not.toMatch(LIT_GUTTER);
    await h.keys(TAB);
    expect(h.frame()).toMatch(LIT_GUTTER);
    expect(h.frame()).not.toMatch(INVERSE_TITLE);
    await h.keys(TAB);
    expect(h.frame()).toMatch(INVERSE_TITLE);
    expect(h.frame()).not.toMatch(LIT_GUTTER);
  });

  it('help says so in the status bar, and Esc closes it', async () => {
    harness = await renderApp();
    await harness.type('/help');
    expect(status(harness)).toContain('[help]');
    expect(status(harness)).toContain('Esc close');
    await harness.keys(ESC);
    expect(status(harness)).toContain('[prompt]');
  });
});
