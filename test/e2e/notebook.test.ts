import { describe, expect, test } from 'vitest';
import { closeAfterEach } from '../support/close-after-each.js';
import { openPacedOffline } from '../support/paced-offline.js';
import { KEYS, PtyScreen } from '../support/pty-screen.js';

const track = closeAfterEach();

/** The metrics line under a finished reply. */
const METRICS = /end_turn · TTFT \d[\d.]* m?s · total \d[\d.]* m?s/;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function count(text: string, pattern: RegExp | string): number {
  if (typeof pattern === 'string') return text.split(pattern).length - 1;
  return text.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
}

/**
 * With the timeline focused, opens the shown cell's message_start (the row after the request
 * and the response) in the detail view and reads the input tokens the wire reported.
 */
async function wireInputTokens(screen: PtyScreen, cellId: number): Promise<number> {
  await screen.waitFor(new RegExp(`Timeline · cell ${cellId} · \\d+ events`));
  screen.write(KEYS.home);
  screen.write(KEYS.down);
  screen.write(KEYS.down);
  screen.write(KEYS.enter);
  const shown = await screen.waitFor(/event #\d+ · message_start ·[\s\S]*"input_tokens": \d+/);
  const tokens = Number(/"input_tokens": (\d+)/.exec(shown)?.[1]);
  // Esc closes the detail view.
  screen.write(KEYS.escape);
  await screen.waitFor(new RegExp(`Timeline · cell ${cellId} · \\d+ events`));
  return tokens;
}

describe('a conversation in the notebook', () => {
  test('two turns: cells, the streamed reply, metrics, and the history sent again', async () => {
    const screen = track(await PtyScreen.open([]));
    await screen.type('Write a 1 sentence description of a sci fi world');
    screen.write(KEYS.enter);
    let shown = await screen.waitFor(METRICS);
    expect(shown).toMatch(/In \[1\]: Write a 1 sentence description of a sci fi world/);
    expect(shown).toMatch(/Out\[1\]: \S/);
    expect(shown).toMatch(/Timeline · cell 1 · \d+ events/);

    await screen.type('And another one, please');
    screen.write(KEYS.enter);
    shown = await screen.waitFor(
      (s) => /In \[2\]: And another one, please/.test(s) && count(s, METRICS) === 2,
    );
    expect(shown).toMatch(/Out\[2\]: \S/);
    expect(shown).toMatch(/Timeline · cell 2 · \d+ events/);
    expect(shown).not.toMatch(/In \[3\]/);

    // The timeline follows the newest cell: focus it (Tab twice) and open its message_start.
    screen.write(KEYS.tab);
    screen.write(KEYS.tab);
    const second = await wireInputTokens(screen, 2);
    // Back to the conversation, select cell 1; the timeline follows it.
    screen.write(KEYS.shiftTab);
    screen.write(KEYS.up);
    await screen.waitFor(/Timeline · cell 1 · \d+ events/);
    screen.write(KEYS.tab);
    const first = await wireInputTokens(screen, 1);
    expect(first).toBeGreaterThan(0);
    // The second request carried the first prompt and reply as well as its own prompt.
    expect(second).toBeGreaterThan(first);
  });

  test('a prompt given on the command line is sent at start', async () => {
    const screen = track(new PtyScreen(['hello from the command line']));
    const shown = await screen.waitFor(METRICS);
    expect(shown).toMatch(/In \[1\]: hello from the command line/);
    expect(shown).toMatch(/Out\[1\]: \S/);
    expect(shown).not.toMatch(/In \[2\]/);
    // The prompt is free for the next one.
    expect(shown).toMatch(/› .*Type a prompt, Enter sends/);
  });

  test('a multi-line bracketed paste is one prompt, sent only by Enter, as one cell', async () => {
    const screen = track(await PtyScreen.open([]));
    screen.write('\u001b[200~first line\rsecond line\u001b[201~');
    let shown = await screen.waitFor(/› first line\n\s+second line/);
    // A paste never sends: give the notebook time to act on it wrongly, then look again.
    await sleep(300);
    shown = await screen.waitFor(/› first line\n\s+second line/);
    expect(shown).not.toMatch(/In \[1\]/);
    expect(shown).not.toMatch(/␍/);

    screen.write(KEYS.enter);
    shown = await screen.waitFor(METRICS);
    expect(shown).toMatch(/In \[1\]: first line[^\n]*\n {8}second line/);
    expect(shown).not.toMatch(/In \[2\]/);
    expect(count(shown, /Out\[\d+\]/)).toBe(1);
    expect(shown).toMatch(/Timeline · cell 1 · /);
  });

  // Keys typed while the notebook is busy (drawing a frame, say) reach it together, in one
  // read; each must still act as the key it is, as it does when keys come one read at a time.
  test('type-ahead: Backspace, Enter and Ctrl+T that arrive in one read act as keys', async () => {
    const screen = track(await PtyScreen.open([]));
    // Text, a Backspace, Enter: the Backspace deletes, and the prompt sent is "hello world".
    screen.write('hello worldd\u007f\r');
    let shown = await screen.waitFor((s) => METRICS.test(s) || /␡/.test(s));
    expect(shown).not.toMatch(/␡/);
    expect(shown).toMatch(/In \[1\]: hello world *(│|$)/m);

    // Text, Enter, Ctrl+T: the prompt is sent, then the timeline hides.
    screen.write('again\r\u0014');
    shown = await screen.waitFor((s) => /In \[2\]/.test(s) || /␔/.test(s));
    expect(shown).not.toMatch(/␔/);
    expect(await screen.waitFor((s) => !s.includes('│'))).not.toMatch(/Timeline/);
  });

  test('Esc mid-stream interrupts: the cell says so, the partial text stays, the next prompt works', async () => {
    const screen = track(await openPacedOffline('long'));
    await screen.type('tell me something long');
    screen.write(KEYS.enter);
    // Some words of the reply are on screen, and it is still streaming.
    const before = await screen.waitFor(/Out\[1\]: (?!waiting)\S+ \S+ \S+/, 15_000);
    expect(before).toMatch(/streaming… Esc interrupts/);
    screen.write(KEYS.escape);
    let shown = await screen.waitFor(/⏸ interrupted/);
    expect(shown).not.toMatch(/end_turn/);
    expect(shown).toMatch(/interrupted · TTFT/);

    // The partial text stays: the words shown before Esc are still there (the reply was
    // short enough not to scroll them away).
    const partial = /Out\[1\]: (.*?)\s*(│|$)/m.exec(before)?.[1]?.replace(/\s*\S*$/, '') ?? '';
    expect(partial.length).toBeGreaterThan(3);
    expect(shown).toContain(`Out[1]: ${partial}`);

    // The network read stopped: no more events arrive for the interrupted cell.
    const events = () => Number(/Timeline · cell 1 · (\d+) events/.exec(screen.text())?.[1]);
    const stopped = events();
    await sleep(400);
    await screen.settle();
    expect(events()).toBe(stopped);

    // The next prompt works (a short scenario, so it does not take long at a realistic pace).
    await screen.type('/scenario chat');
    screen.write(KEYS.enter);
    await screen.waitFor(/· offline \(simulated\) · chat ·/);
    await screen.type('and now a short one');
    screen.write(KEYS.enter);
    shown = await screen.waitFor(METRICS, 15_000);
    expect(shown).toMatch(/In \[2\]: and now a short one/);
    expect(shown).toMatch(/⏸ interrupted/);
  });

  test('no full-screen clear is written while a long reply streams', async () => {
    const screen = track(await openPacedOffline('long:60'));
    await screen.type('stream a long one');
    const start = screen.output.length;
    screen.write(KEYS.enter);
    await screen.waitFor(/Out\[1\]: (?!waiting)\S/, 15_000);
    await screen.waitFor(/end_turn · TTFT/, 20_000);
    const streamed = screen.output.slice(start);
    // Several frames were drawn, one per batch of deltas (how many depends on the machine's
    // load, since frames are paced by their cost)...
    expect(count(streamed, '\u001b[?2026h')).toBeGreaterThan(3);
    // ...and none of them cleared the screen or the scrollback, or reset the terminal.
    expect(count(streamed, '\u001b[2J')).toBe(0);
    expect(count(streamed, '\u001b[3J')).toBe(0);
    expect(count(streamed, '\u001bc')).toBe(0);
  });
});
