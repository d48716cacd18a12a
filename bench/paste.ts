import { spawnCli } from './pty-child.js';
import { replyFrame } from './reply-frame.js';

const PASTE_START = '\u001b[200~';
const PASTE_END = '\u001b[201~';
const MIB = 1024 * 1024;
const SEND_LIMIT_MS = 60_000;

/**
 * A 1 MiB bracketed paste into the notebook in a real pseudo-terminal: the time from writing
 * it to the frame that shows its end in the prompt (`paste_1mib_ms`), and from Enter to the
 * frame that shows its cell's reply begun (`send_1mib_ms`); and what a frame of its reply costs
 * to lay out (`reply_frame_ms`).
 */
export async function paste(): Promise<Record<string, number>> {
  const child = spawnCli(['--offline']);
  try {
    await child.shows('Type a prompt');
    // Warm, as a person meets it: the renderers loaded after the first frame are in, and one
    // reply has gone through.
    child.write('hello\r');
    await child.shows('end_turn');
    child.forget();
    const landing = child.shows('PASTE-LANDED');
    child.write(`${PASTE_START}${pasteText(MIB)}PASTE-LANDED${PASTE_END}`);
    const landed = await landing;
    child.forget();
    // Sent once its cell answers: the cell's `In [2]:` label is 13,000 lines up, off screen, but
    // `Out[2]:` shows under the prompt. Past a minute it is reported as that minute.
    const sending = child.shows('Out[2]:', SEND_LIMIT_MS).catch(() => SEND_LIMIT_MS);
    child.write('\r');
    const sent = await sending;
    return {
      paste_1mib_ms: Math.round(landed),
      send_1mib_ms: Math.round(sent),
      ...replyFrame(pasteText(MIB)),
    };
  } finally {
    child.kill();
  }
}

/** Lines of prose, about 80 characters each, `bytes` long in all. */
function pasteText(bytes: number): string {
  const line = 'The quick brown fox jumps over the lazy dog, then naps in the afternoon sun.   \n';
  return line.repeat(Math.ceil(bytes / line.length)).slice(0, bytes);
}
