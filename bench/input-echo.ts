import xterm from '@xterm/headless';
import { startOfflineServer } from '../src/offline/server.js';
import { spawnCli } from './pty-child.js';
import { percentile } from './report.js';

const PROMPT = '› ';
const WARM_MS = 2000;
// A fast typist's gap between keys; the next key waits for the last one's echo too.
const GAP_MS = 60;
// Past this the prompt would wrap; it is cleared (untimed) and typing starts over.
const MAX_PROMPT = 60;
const ECHO_LIMIT_MS = 5000;

/**
 * Typing while a reply streams: keys written one at a time into the notebook's prompt in a
 * real pseudo-terminal while `deltas` text deltas arrive at `perSecond`; the section is the
 * time from writing a key to the first output that shows it in the prompt on the screen (read
 * through a headless terminal emulator, so a renderer that rewrites part of a line counts too).
 */
export async function inputEcho(deltas: number, perSecond: number): Promise<Record<string, number>> {
  const server = await startOfflineServer({
    pace: { deltasPerSecond: perSecond },
    scenario: `long:${deltas}`,
  });
  const child = spawnCli(['--base-url', server.url, '--max-tokens', String(deltas + 1000)], {
    ANTHROPIC_API_KEY: 'sk-bench-not-a-real-key-0123456789',
  });
  const screen = new xterm.Terminal({ cols: 120, rows: 40, allowProposedApi: true });
  // Each chunk is stamped on arrival; the emulator parses it later, and its cost is not the app's.
  let check: ((arrived: number) => void) | null = null;
  child.onData((data) => {
    const arrived = performance.now();
    screen.write(data, () => check?.(arrived));
  });
  const promptText = () => {
    const buffer = screen.buffer.active;
    for (let y = 0; y < screen.rows; y++) {
      const line = buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '';
      if (line.startsWith(PROMPT)) return line.slice(PROMPT.length);
    }
    return null;
  };
  const shows = (wanted: (text: string) => boolean, since: number) =>
    new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('bench: a typed key never showed')), ECHO_LIMIT_MS);
      check = (arrived) => {
        const text = promptText();
        if (text === null || !wanted(text)) return;
        clearTimeout(timer);
        check = null;
        resolve(arrived - since);
      };
    });
  try {
    await child.shows('Type a prompt');
    // Past startup, as in the interrupt bench: the renderers load in the first second or so.
    await new Promise((resolve) => setTimeout(resolve, WARM_MS));
    child.write('go\r');
    await child.shows('Out[1]:');
    let streaming = true;
    child.shows('end_turn', 600_000).then(
      () => {
        streaming = false;
      },
      () => {},
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const echoes: number[] = [];
    let typed = '';
    let key = 0;
    while (streaming) {
      if (typed.length === MAX_PROMPT) {
        const cleared = shows((text) => !text.startsWith(typed), performance.now());
        child.write('\u0015');
        await cleared;
        typed = '';
      }
      // Letters in an order that never repeats a run, so the prompt's text names the last key.
      typed += String.fromCharCode(97 + ((key++ * 7) % 26));
      const expected = typed;
      const wrote = performance.now();
      const echoed = shows((text) => text.startsWith(expected), wrote);
      child.write(expected.at(-1) as string);
      const ms = await echoed;
      if (streaming) echoes.push(ms);
      await new Promise((resolve) => setTimeout(resolve, GAP_MS));
    }
    return {
      p50: round(percentile(echoes, 50)),
      p99: round(percentile(echoes, 99)),
      max: round(Math.max(...echoes)),
      samples: echoes.length,
      deltas,
      deltas_per_second: perSecond,
    };
  } finally {
    child.kill();
    screen.dispose();
    await server.close();
  }
}

const round = (n: number) => Math.round(n * 10) / 10;
