import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pty from '@lydell/node-pty';

const CLI = resolve('dist', 'cli.js');
const PASTE_START = '\u001b[200~';
const PASTE_END = '\u001b[201~';
const MIB = 1024 * 1024;
const SEND_LIMIT_MS = 60_000;

/**
 * A 1 MiB bracketed paste into the notebook in a real pseudo-terminal: the time from writing
 * it to the frame that shows its end in the prompt (`paste_1mib_ms`), and from Enter to the
 * frame that shows its cell's reply begun (`send_1mib_ms`).
 */
export async function paste(): Promise<Record<string, number>> {
  const term = pty.spawn(process.execPath, [CLI, '--offline'], {
    cols: 120,
    rows: 40,
    cwd: mkdtempSync(join(tmpdir(), 'streambook-bench-paste-')),
    env: pasteEnv(),
  });
  let seen = '';
  const waiters: Array<{ text: string; resolve: () => void }> = [];
  term.onData((data) => {
    // Only the tail matters: the marker is looked for in what arrived since the write.
    seen = (seen + data).slice(-64 * 1024);
    for (const waiter of waiters.splice(0)) {
      if (seen.includes(waiter.text)) waiter.resolve();
      else waiters.push(waiter);
    }
  });
  const shows = (text: string, timeoutMs = 120_000) =>
    new Promise<void>((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`paste bench: never saw ${text}`)), timeoutMs);
      waiters.push({
        text,
        resolve: () => {
          clearTimeout(timer);
          resolvePromise();
        },
      });
    });
  try {
    await shows('Type a prompt');
    // Warm, as a person meets it: the renderers loaded after the first frame are in, and one
    // reply has gone through.
    term.write('hello\r');
    await shows('end_turn');
    seen = '';
    const start = performance.now();
    term.write(`${PASTE_START}${pasteText(MIB)}PASTE-LANDED${PASTE_END}`);
    await shows('PASTE-LANDED');
    const landed = performance.now() - start;
    seen = '';
    const enter = performance.now();
    term.write('\r');
    // Sent once its cell answers: the cell's `In [2]:` label is 13,000 lines up, off screen, but
    // `Out[2]:` shows under the prompt. Past a minute it is reported as that minute.
    const sent = await shows('Out[2]:', SEND_LIMIT_MS).then(
      () => performance.now() - enter,
      () => SEND_LIMIT_MS,
    );
    return { paste_1mib_ms: Math.round(landed), send_1mib_ms: Math.round(sent) };
  } finally {
    term.kill();
  }
}

/** Lines of prose, about 80 characters each, `bytes` long in all. */
function pasteText(bytes: number): string {
  const line = 'The quick brown fox jumps over the lazy dog, then naps in the afternoon sun.   \n';
  return line.repeat(Math.ceil(bytes / line.length)).slice(0, bytes);
}

/** No CI (Ink would render non-interactively), no key, no inherited streambook settings. */
function pasteEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(ANTHROPIC_|STREAMBOOK_|CI$|NO_COLOR$)/.test(key)) env[key] = value;
  }
  return { ...env, TERM: 'xterm-256color', STREAMBOOK_OFFLINE_PACE: 'none' };
}
