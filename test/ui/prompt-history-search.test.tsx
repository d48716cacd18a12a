import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { PromptHistory, promptsPath, withEarlierPrompts } from '../../src/journal/prompt-history.js';
import { startOfflineServer } from '../../src/offline/server.js';
import { initialState } from '../../src/store/session-state.js';
import { SessionStore } from '../../src/store/session-store.js';
import { tempStateDir } from '../support/journaled.js';
import { clientFor, SETTINGS } from '../support/turns.js';
import { type AppHarness, renderAppFor, sessionOn, tick } from './harness.js';

const UP = '\u001b[A';
const DOWN = '\u001b[B';
const ENTER = '\r';
const ESC = '\u001b';
const CTRL_R = '\u0012';
const CTRL_G = '\u0007';
const BACKSPACE = '\u007f';

const open: AppHarness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((app) => app.close()));
});

function stateDir(): string {
  const state = tempStateDir();
  onTestFinished(state.remove);
  return state.dir;
}

/** One run of the notebook on `dir`, as run-notebook.tsx makes it: earlier prompts recalled, new ones saved. */
async function run(dir: string): Promise<AppHarness> {
  const server = await startOfflineServer({ pace: 'none', scenario: 'chat' });
  const prompts = new PromptHistory(promptsPath(dir), { save: true, warn: () => {} });
  const fresh = initialState(SETTINGS, { offline: true, describe: 'offline test' }, 'chat');
  const store = new SessionStore(withEarlierPrompts(fresh, prompts.earlier));
  const nb = sessionOn(store, clientFor(server.url, 0), server, server, { prompts });
  const harness = await renderAppFor(nb);
  open.push(harness);
  return harness;
}

/** Sends each prompt, pasted and then Enter, after the reply before it has ended. */
async function send(harness: AppHarness, ...prompts: string[]): Promise<void> {
  for (const prompt of prompts) {
    await harness.keys(`\u001b[200~${prompt}\u001b[201~`, ENTER);
    await harness.session.settled();
  }
  await tick();
}

/** The prompt's first line: the line under the separator above it. */
function promptLine(harness: AppHarness): string {
  const lines = harness.text().split('\n');
  const separator = lines.findLastIndex((line) => /^─{20,}$/.test(line));
  return (lines[separator + 1] ?? '').trimEnd();
}

/** A run that sent these prompts, and ended. */
async function earlierRun(dir: string, ...prompts: string[]): Promise<void> {
  const first = await run(dir);
  await send(first, ...prompts);
  await first.close();
  open.splice(open.indexOf(first), 1);
}

describe('prompt recall across runs', () => {
  it("Up recalls this run's prompts, then the earlier runs', newest first; Down comes back to the draft", async () => {
    const dir = stateDir();
    await earlierRun(dir, 'first run one', 'first run two');
    const second = await run(dir);
    await send(second, 'second run');
    await second.keys(UP);
    expect(promptLine(second)).toBe('› second run');
    await second.keys(UP);
    expect(promptLine(second)).toBe('› first run two');
    await second.keys(UP);
    expect(promptLine(second)).toBe('› first run one');
    // The oldest stays.
    await second.keys(UP);
    expect(promptLine(second)).toBe('› first run one');
    await second.keys(DOWN, DOWN);
    expect(promptLine(second)).toBe('› second run');
    await second.keys(DOWN);
    expect(promptLine(second)).toMatch(/^› +Type a prompt/);
  });

  it('a recalled prompt sent again is a new cell, and not saved twice in a row', async () => {
    const dir = stateDir();
    await earlierRun(dir, 'say it again');
    const second = await run(dir);
    await second.keys(UP, ENTER);
    await second.session.settled();
    expect(second.session.state.cells.map((c) => c.prompt)).toEqual(['say it again']);
    expect(new PromptHistory(promptsPath(dir), { save: false, warn: () => {} }).earlier).toEqual([
      'say it again',
    ]);
  });

  it('a recalled prompt holding escape sequences is shown neutralized', async () => {
    const dir = stateDir();
    await earlierRun(dir, 'red \u001b[31mALERT\u001b[0m \u001b]0;title\u0007 done');
    const second = await run(dir);
    expect(second.session.state.promptHistory).toEqual([
      'red \u001b[31mALERT\u001b[0m \u001b]0;title\u0007 done',
    ]);
    await second.keys(UP);
    expect(promptLine(second)).toBe('› red ␛[31mALERT␛[0m ␛]0;title␇ done');
    expect(second.frame()).not.toContain('\u001b]0;');
    expect(second.frame()).not.toContain('\u001b[31m');
  });
});

describe('Ctrl+R: reverse search through earlier prompts', () => {
  async function searchable(): Promise<AppHarness> {
    const dir = stateDir();
    await earlierRun(dir, 'explain SSE framing', 'write a haiku', 'explain ping events');
    return run(dir);
  }

  it('shows the search line; typing narrows to the newest match, Ctrl+R again to an older one', async () => {
    const app = await searchable();
    await app.keys(CTRL_R);
    expect(promptLine(app)).toBe("(reverse-i-search)`':");
    await app.keys('e', 'x', 'p');
    expect(promptLine(app)).toBe("(reverse-i-search)`exp': explain ping events");
    await app.keys(CTRL_R);
    expect(promptLine(app)).toBe("(reverse-i-search)`exp': explain SSE framing");
    // Nothing older: the search says so and keeps its match.
    await app.keys(CTRL_R);
    expect(promptLine(app)).toBe("(failed reverse-i-search)`exp': explain SSE framing");
    await app.keys(BACKSPACE, BACKSPACE, BACKSPACE, 'HAI');
    expect(promptLine(app)).toBe("(reverse-i-search)`HAI': write a haiku");
  });

  it('Enter puts the match in the prompt without sending it', async () => {
    const app = await searchable();
    await app.keys(CTRL_R, 'haiku', ENTER);
    expect(promptLine(app)).toBe('› write a haiku');
    expect(app.session.state.cells).toEqual([]);
    expect(app.session.state.view.search).toBeNull();
    await app.keys(ENTER);
    await app.session.settled();
    expect(app.session.state.cells.map((c) => c.prompt)).toEqual(['write a haiku']);
  });

  it.each([
    ['Esc', ESC],
    ['Ctrl+G', CTRL_G],
  ])('%s cancels and gives back what was typed', async (_, key) => {
    const app = await searchable();
    await app.keys('my draft', CTRL_R, 'ping');
    expect(promptLine(app)).toBe("(reverse-i-search)`ping': explain ping events");
    await app.keys(key);
    expect(promptLine(app)).toBe('› my draft');
    expect(app.session.state.view.search).toBeNull();
  });

  it('another key takes the match and then does its own thing', async () => {
    const app = await searchable();
    await app.keys(CTRL_R, 'SSE', '\u0001', '> ');
    expect(promptLine(app)).toBe('› > explain SSE framing');
  });

  it('a pasted query with escapes and newlines is searched for, and shown neutralized on one line', async () => {
    const app = await searchable();
    await app.keys(CTRL_R, '\u001b[200~\u001b[31m\nx\u001b[201~');
    expect(promptLine(app)).toBe("(failed reverse-i-search)`␛[31m␊x':");
    expect(app.frame()).not.toContain('\u001b[31m\n');
  });

  it('Ctrl+R from another pane searches at the prompt', async () => {
    const app = await searchable();
    await app.keys('\t');
    expect(app.session.state.view.focus).toBe('conversation');
    await app.keys(CTRL_R, 'haiku');
    expect(app.session.state.view.focus).toBe('prompt');
    expect(promptLine(app)).toBe("(reverse-i-search)`haiku': write a haiku");
  });

  it('the status line shows the search keys while it is open', async () => {
    const app = await searchable();
    await app.keys(CTRL_R);
    const status = app.text().split('\n').at(-1) ?? '';
    expect(status).toMatch(/\[prompt\] \^R older/);
  });
});
