import { describe, expect, test } from 'vitest';
import { runCli } from '../support/cli.js';
import { clipboardSequenceCount, clipboardWrites, KEYS, PtyScreen } from '../support/pty-screen.js';

/** The metrics line under a finished reply of the tool-use scenario. */
const METRICS = /tool_use · TTFT \d[\d.]* m?s · total \d[\d.]* m?s/;

type Message = Record<string, unknown> & { id: string; usage: { input_tokens: number } };

/** Waits for the next clipboard write after `from` (an offset into the output) and returns it. */
async function nextCopy(screen: PtyScreen, from: number): Promise<string> {
  await screen.waitForOutput((output) => clipboardWrites(output.slice(from)).length > 0);
  const writes = clipboardWrites(screen.output.slice(from));
  expect(writes).toHaveLength(1);
  return writes[0] as string;
}

/** The copied text is the final message, pretty-printed the way JSON.stringify(message, null, 2) does. */
function parseCopied(copied: string): Message {
  const message = JSON.parse(copied) as Message;
  expect(copied).toBe(JSON.stringify(message, null, 2));
  expect(message).toMatchObject({ type: 'message', role: 'assistant' });
  return message;
}

function withoutId({
  id: _id,
  parsed_output: _parsed,
  ...rest
}: Record<string, unknown>): Record<string, unknown> {
  return rest;
}

describe('copying a cell', () => {
  test('/copy and Ctrl+Y write the final message JSON through OSC 52, the same as print mode builds', async () => {
    const screen = await PtyScreen.open(['--offline', '--scenario', 'tool-use']);
    try {
      // Before any reply there is nothing to copy: it says so and writes nothing.
      await screen.type('/copy');
      screen.write(KEYS.enter);
      await screen.waitFor(/there is no cell yet/);
      expect(clipboardSequenceCount(screen.output)).toBe(0);
      // The refused line comes back to be fixed; clear it.
      await screen.waitFor(/› \/copy/);
      screen.write(KEYS.ctrlU);
      await screen.waitFor(/Type a prompt, Enter sends/);

      await screen.type('hi');
      screen.write(KEYS.enter);
      await screen.waitFor(METRICS);
      expect(clipboardSequenceCount(screen.output)).toBe(0);

      // /copy: the newest cell.
      let from = screen.output.length;
      await screen.type('/copy');
      screen.write(KEYS.enter);
      const first = await nextCopy(screen, from);
      await screen.waitFor(/Cell 1 JSON, [\d.]+ K?B: sent by OSC 52 \(the terminal decides/);
      const message = parseCopied(first);
      expect(message.stop_reason).toBe('tool_use');
      expect(message.content).toEqual([
        expect.objectContaining({ type: 'text' }),
        expect.objectContaining({ type: 'tool_use', name: 'get_weather' }),
      ]);

      // Print mode, same scenario and prompt, builds the same message (but for its id).
      const printed = await runCli([
        '-p',
        '--output-format',
        'json',
        '--offline',
        '--scenario',
        'tool-use',
        'hi',
      ]);
      expect(printed.code).toBe(0);
      const fromPrint = JSON.parse(printed.stdout) as Message;
      expect(fromPrint.id).not.toBe(message.id);
      expect(message.content).toEqual(fromPrint.content);
      expect(message.stop_reason).toBe(fromPrint.stop_reason);
      expect(withoutId(message)).toEqual(withoutId(fromPrint));

      // A second turn (the scenario answers the tool result it carries); Ctrl+Y copies the
      // selected cell, which is the newest.
      await screen.type('hi again');
      screen.write(KEYS.enter);
      await screen.waitFor(/In \[2\]: hi again[\s\S]*end_turn · TTFT/);
      from = screen.output.length;
      screen.write(KEYS.ctrlY);
      const second = parseCopied(await nextCopy(screen, from));
      await screen.waitFor(/Cell 2 JSON/);
      expect(second.id).not.toBe(message.id);
      expect(second.usage.input_tokens).toBeGreaterThan(message.usage.input_tokens);

      // Select cell 1 in the conversation: Ctrl+Y copies it, exactly as /copy did.
      screen.write(KEYS.tab);
      await screen.waitFor(/› Tab returns here/);
      screen.write(KEYS.up);
      await screen.waitFor(/Timeline · cell 1 · /);
      from = screen.output.length;
      screen.write(KEYS.ctrlY);
      expect(await nextCopy(screen, from)).toBe(first);
      await screen.waitFor(/Cell 1 JSON/);

      // /copy N names the cell (Esc takes the focus back to the prompt).
      screen.write(KEYS.escape);
      await screen.waitFor(/› +Type a prompt/);
      from = screen.output.length;
      await screen.type('/copy 2');
      screen.write(KEYS.enter);
      expect(parseCopied(await nextCopy(screen, from))).toEqual(second);

      // Every clipboard write came from a copy: four of them.
      expect(clipboardSequenceCount(screen.output)).toBe(4);
    } finally {
      screen.kill();
    }
  });
});
