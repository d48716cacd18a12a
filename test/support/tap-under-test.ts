import { afterEach } from 'vitest';
import { startTap, type TapServer } from '../../src/tap/tap-server.js';

/** A client's headers for the tap: JSON, and a (short, made-up) key. */
export const HEADERS = { 'content-type': 'application/json', 'x-api-key': 'sk-short-key' };
/** A streaming Messages request body with `prompt` as its one user message. */
export const BODY = (prompt: string, maxTokens = 10) =>
  JSON.stringify({
    model: 'm',
    max_tokens: maxTokens,
    stream: true,
    messages: [{ role: 'user', content: prompt }],
  });

/**
 * Registers an afterEach that closes what the calling suite's tests opened, newest first: the
 * taps `tapTo` starts and whatever a test pushes on `opened` (upstream servers).
 */
export function tapsClosedAfterEach() {
  const opened: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    for (const closable of opened.splice(0).reverse()) await closable.close();
  });

  /** A quiet tap on a free loopback port, its warnings pushed on `notes`. */
  async function tapTo(url: string, stateDir: string, notes: string[] = []): Promise<TapServer> {
    const tap = await startTap({
      port: 0,
      host: '127.0.0.1',
      upstream: url,
      stateDir,
      log: () => {},
      warn: (line) => notes.push(line),
    });
    opened.push(tap);
    return tap;
  }

  return { opened, tapTo };
}
