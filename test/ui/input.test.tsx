import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { isStreaming } from '../../src/store/session-state.js';
import { type AppHarness, eventually, renderApp, tick } from './harness.js';

const PASTE_START = '\u001b[200~';
const PASTE_END = '\u001b[201~';
const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
// SGR (colour) sequences are the App's own; anything else that starts with ESC, or a C1
// control, came through from the input unneutralized.
// biome-ignore lint/suspicious/noControlCharactersInRegex: SGR starts with ESC
const SGR = /\u001b\[[0-9;]*m/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for raw controls is the point
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** Strings with what terminals and clipboards can hold: controls, escapes, C1, lone surrogates. */
const hostile = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      '\u001b',
      '\u001b[',
      '\u001b[31m',
      '\u001b]52;c;aGk=\u0007',
      '\u009b',
      '\u0000',
      '\r',
      '\n',
    ),
    fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 40,
});

let harness: AppHarness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

async function app(options: Parameters<typeof renderApp>[0] = {}): Promise<AppHarness> {
  harness = await renderApp(options);
  return harness;
}

/** The text of a paste as the prompt keeps it: line ends made newlines, as the editor does. */
function asPrompt(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

describe('pasted and typed input never crash the notebook', () => {
  it('a paste with any characters lands whole in the prompt, is shown neutralized, and sends as it was', async () => {
    const h = await app();
    await fc.assert(
      fc.asyncProperty(
        hostile.filter((s) => !s.includes(PASTE_END)),
        fc.integer({ min: 1, max: 7 }),
        async (text, split) => {
          // x…y: the prompt is no /command and does not end in a line-continuing backslash.
          const pasted = `x${text}y`;
          const bytes = `${PASTE_START}${pasted}${PASTE_END}`;
          // The paste arrives in pieces, cut anywhere (inside its escape sequences too).
          const at = Math.floor((bytes.length * split) / 8);
          await h.keys(bytes.slice(0, at), bytes.slice(at));
          expect(h.frame().replace(SGR, '')).not.toMatch(RAW_CONTROL);
          await h.keys('\r');
          await h.session.settled();
          expect(h.session.state.cells.at(-1)?.prompt).toBe(asPrompt(pasted));
        },
      ),
      { numRuns: 25 },
    );
    // A turn per run, on two shared cores.
  }, 90_000);

  it('any keys typed, escape sequences and controls included, never crash it', async () => {
    const h = await app();
    await fc.assert(
      fc.asyncProperty(hostile, async (typed) => {
        await h.keys(typed);
        expect(h.frame().replace(SGR, '')).not.toMatch(RAW_CONTROL);
      }),
      { numRuns: 60 },
    );
    // Still answering keys.
    await h.keys('\u001b', '\t', '\t', '\t', '\u001b', '\u0015');
    await h.session.settled();
    await h.keys('still here');
    await eventually(() => expect(h.text()).toContain('still here'));
  });

  it('the paste is one edit: its newlines stay in the prompt, and nothing is sent', async () => {
    const h = await app();
    await h.keys(`${PASTE_START}one\rtwo\r\nthree\r${PASTE_END}`);
    expect(h.session.state.cells).toHaveLength(0);
    expect(h.text()).toMatch(/› one\n {2}two\n {2}three/);
  });

  it('a paste while another pane has focus goes into the prompt, which takes the focus', async () => {
    const h = await app();
    await h.keys('\t');
    expect(h.session.state.view.focus).toBe('conversation');
    await h.keys(`${PASTE_START}kept${PASTE_END}`);
    expect(h.session.state.view.focus).toBe('prompt');
    expect(h.text()).toContain('› kept');
  });

  it('Enter typed in the same read as text sends: `line one⏎line two⏎` is not one prompt', async () => {
    const h = await app();
    await h.keys('line one\rline two\r');
    await h.session.settled();
    expect(h.session.state.cells.map((c) => c.prompt)).toEqual(['line one']);
    // The second Enter came while the first reply streamed: refused, its line kept.
    expect(h.text()).toContain('› line two');
  });
});

describe('quitting while a reply streams', () => {
  it('Ctrl+C stops the reply and asks; a second Ctrl+C quits', async () => {
    const h = await app({ scenario: 'long', pace: 'realistic' });
    await h.type('go on');
    expect(isStreaming(h.session.state)).toBe(true);
    await h.keys(CTRL_C);
    await h.session.settled();
    expect(h.session.state.cells[0]?.status).toBe('interrupted');
    expect(h.quits).toBe(0);
    await eventually(() => expect(h.text()).toContain('Press Ctrl+C again to quit'));
    await h.keys(CTRL_C);
    expect(h.quits).toBe(1);
  });

  it('Ctrl+D stops the reply and asks, even with a draft; a second Ctrl+D quits', async () => {
    const h = await app({ scenario: 'long', pace: 'realistic' });
    await h.type('go on');
    await h.keys('draft', CTRL_D);
    await h.session.settled();
    expect(h.quits).toBe(0);
    await h.keys(CTRL_D);
    expect(h.quits).toBe(1);
  });

  it('/quit asks first; Enter on the line it gives back stops the reply and quits', async () => {
    const h = await app({ scenario: 'long', pace: 'realistic' });
    await h.type('go on');
    await h.type('/quit');
    expect(h.quits).toBe(0);
    await eventually(() =>
      expect(h.text()).toContain('a reply is streaming: press Enter again to stop it and quit'),
    );
    await eventually(() => expect(h.text()).toContain('› /quit'));
    await h.keys('\r');
    expect(h.quits).toBe(1);
  });

  it('/quit asks again after another key took the question back', async () => {
    const h = await app({ scenario: 'long', pace: 'realistic' });
    await h.type('go on');
    await h.type('/quit');
    await h.keys('\u0015');
    await h.type('/quit');
    expect(h.quits).toBe(0);
    await tick();
  });
});
