import { serveLongLine } from '../test/support/long-line-server.js';
import { spawnCli } from './pty-child.js';

const CHARS = 256 * 1024;
const WARM_MS = 2000;

/**
 * How fast Esc and SIGTERM act while the notebook is busiest: a 256 KiB line with no space
 * streaming in. `esc_ms` is the time from Esc to the screen saying the turn was interrupted
 * (`esc_chat_ms` the same during an ordinary reply),
 * `sigterm_restore_ms` from SIGTERM to the terminal given back, and `sigterm_exit_ms` to the
 * process's exit. The target is 100 ms.
 */
export async function interrupt(): Promise<Record<string, number>> {
  return { esc_chat_ms: await escInChat(), ...(await duringLongLine()) };
}

/** Esc while an ordinary reply streams at a model's pace (offline, `long`). */
async function escInChat(): Promise<number> {
  const child = spawnCli(['--offline', '--scenario', 'long'], { STREAMBOOK_OFFLINE_PACE: 'realistic' });
  try {
    await child.shows('Type a prompt');
    child.write('go\r');
    await child.shows('Out[1]:');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    child.forget();
    const stopping = child.shows('interrupted', 10_000);
    child.write('\u001b');
    return Math.round(await stopping);
  } finally {
    child.kill();
  }
}

async function duringLongLine(): Promise<Record<string, number>> {
  // The line never ends: Esc must act in the middle of it.
  const server = await serveLongLine({ chars: CHARS, perDelta: 128, end: false });
  const child = spawnCli(['--base-url', server.url], {
    ANTHROPIC_API_KEY: 'sk-bench-not-a-real-key-0123456789',
  });
  try {
    await child.shows('Type a prompt');
    // Past startup: the Markdown and highlighting modules load in the first second after the
    // first frame (startup_ms's business), and Esc then waits on them.
    await new Promise((resolve) => setTimeout(resolve, WARM_MS));
    child.write('go\r');
    await child.shows('xxxxxxxxxxxxxxxxxxxxxxxx');
    child.forget();
    const stopping = child.shows('interrupted', 10_000);
    child.write('\u001b');
    const esc = await stopping;
    child.write('again\r');
    await child.shows('xxxxxxxxxxxxxxxxxxxxxxxx');
    child.forget();
    // The signal has acted once the terminal is given back (the primary screen returns); the
    // process's own teardown comes after.
    const restoring = child.shows('\u001b[?1049l', 10_000);
    const exiting = child.exits();
    child.signal('SIGTERM');
    const restored = await restoring;
    const exited = await exiting;
    return {
      esc_ms: Math.round(esc),
      sigterm_restore_ms: Math.round(restored),
      sigterm_exit_ms: Math.round(exited),
    };
  } finally {
    child.kill();
    await server.close();
  }
}
