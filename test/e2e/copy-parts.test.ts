import { describe, expect, test } from 'vitest';
import { clipboardWrites, KEYS, PtyScreen } from '../support/pty-screen.js';

describe('copying part of a reply in the built CLI', () => {
  test('/copy code copies the first code block, /copy text the whole reply text', async () => {
    const screen = await PtyScreen.open(['--offline']);
    try {
      await screen.type('write a parser program');
      screen.write(KEYS.enter);
      await screen.waitFor(/end_turn · TTFT/);

      let from = screen.output.length;
      await screen.type('/copy code');
      screen.write(KEYS.enter);
      await screen.waitFor(/Cell 1 code block 1 of 1 \(ts\), \d+ B: sent by OSC 52/);
      const [code] = clipboardWrites(screen.output.slice(from));
      expect(code).toMatch(/^export async function\* readEvents\(body: AsyncIterable<Uint8Array>\) \{\n/);
      expect(code).not.toContain('```');

      from = screen.output.length;
      await screen.type('/copy text');
      screen.write(KEYS.enter);
      await screen.waitFor(/Cell 1 text, [\d.]+ K?B: sent by OSC 52/);
      const [text] = clipboardWrites(screen.output.slice(from));
      expect(text).toMatch(
        /^Here's a small TypeScript helper[\s\S]*```ts\n[\s\S]*```\n\nEach yielded string/,
      );
    } finally {
      screen.kill();
    }
  });
});
