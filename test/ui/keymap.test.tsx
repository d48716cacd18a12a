import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { HelpView } from '../../src/ui/components/HelpView.js';
import { StatusBar } from '../../src/ui/components/StatusBar.js';
import { focusName, helpRows, hintsFor } from '../../src/ui/input/key-dispatch.js';
import { KEY_STATES } from '../support/key-states.js';
import { type AppHarness, eventually, plain, renderApp, tick } from './harness.js';

let harness: AppHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

/** The status bar's text for a state at a width: what follows the settings is `[focus] hint · hint`. */
async function statusAt(
  name: string,
  width: number,
): Promise<{ focus: string; hints: string[]; line: string }> {
  const now = KEY_STATES[name];
  if (!now) throw new Error(name);
  const { lastFrame, unmount } = render(<StatusBar state={now.state} width={width} prompt={now.prompt} />);
  await tick(5);
  const line = plain(lastFrame());
  unmount();
  const match = / \[([a-z]+)\](?: (.*))?$/.exec(line);
  return { focus: match?.[1] ?? '', hints: match?.[2]?.split(' · ') ?? [], line };
}

describe('one keymap for dispatch, /help and the status bar', () => {
  it('/help lists every group of the keymap, keys and what they do', async () => {
    const { lastFrame } = render(<HelpView size={{ width: 140, height: 60 }} />);
    await tick(15);
    const text = plain(lastFrame());
    for (const row of helpRows())
      expect(text).toMatch(new RegExp(`${literal(row.keys)} +${literal(row.help)}`));
  });

  it('the status bar shows only hints the keymap gives for the state, whole, at every width', async () => {
    for (const name of Object.keys(KEY_STATES)) {
      const now = KEY_STATES[name];
      if (!now) continue;
      const allowed = [...hintsFor(now), '/help'];
      // A question to quit takes the hints' place until another key.
      if (now.state.quitArmed !== null) continue;
      for (const width of [80, 100, 140]) {
        const { focus, hints, line } = await statusAt(name, width);
        expect(focus, `${name} at ${width}`).toBe(focusName(now.state));
        expect(line.length, `${name} at ${width}`).toBeLessThanOrEqual(width);
        for (const hint of hints) expect(allowed, `${name} at ${width}: ${line}`).toContain(hint);
      }
    }
  });

  it('at 80 columns the status bar still says where keys go and shows whole hints', async () => {
    const { focus, hints } = await statusAt('prompt, idle', 80);
    expect(focus).toBe('prompt');
    expect(hints.length).toBeGreaterThan(0);
    const wide = await statusAt('prompt, idle', 140);
    expect(wide.hints).toEqual(['Enter send', '^T timeline', '^Y copy', 'Tab focus', '/help']);
    expect((await statusAt('prompt, streaming', 140)).hints[0]).toBe('Esc stop');
    expect((await statusAt('event JSON', 140)).hints).toContain('Esc back');
  });
});

describe("the prompt's readline keys in the notebook", () => {
  const promptLine = (h: AppHarness) =>
    h
      .text()
      .split('\n')
      .find((line) => line.startsWith('›')) ?? '';

  it('Alt+B/F move by words, Ctrl+K and Ctrl+U delete to the line end and start, Ctrl+A/E go there', async () => {
    harness = await renderApp();
    await harness.keys('one two three');
    await harness.keys('\u001bb', '\u000b'); // Alt+B, Ctrl+K
    expect(promptLine(harness).trimEnd()).toBe('› one two');
    await harness.keys('\u0001', '\u001bf', '\u0015'); // Ctrl+A, Alt+F, Ctrl+U
    expect(promptLine(harness).trimEnd()).toBe('›  two');
    await harness.keys('\u0005', '\u0017'); // Ctrl+E, Ctrl+W
    expect(promptLine(harness).trimEnd()).toBe('›');
  });

  it('Ctrl+C clears a draft when nothing streams, ↓ brings it back, and on an empty prompt Ctrl+C twice quits', async () => {
    harness = await renderApp();
    await harness.keys('keep me');
    await harness.keys('\u0003');
    expect(harness.session.state.cells).toHaveLength(0);
    expect(harness.text()).not.toContain('keep me');
    expect(harness.quits).toBe(0);
    await harness.keys('\u001b[B');
    expect(promptLine(harness)).toContain('keep me');
    await harness.keys('\u0015', '\u0003');
    await eventually(() => expect(harness?.text()).toContain('Press Ctrl+C again to quit'));
    await harness.keys('\u0003');
    expect(harness.quits).toBe(1);
  });
});

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
