import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutputFormat } from '../../src/config/config.js';
import type { StreamMode } from '../../src/engine/types.js';
import { runPrint } from '../../src/print/print-mode.js';
import { hostileReply, unsafeOnTerminal } from '../support/hostile.js';
import { type ChunkServer, CLEAN, encodeFramed, serveChunks } from '../support/sse-framing.js';
import { clientFor, SETTINGS } from '../support/turns.js';

/*
 * Print mode with hostile replies: on a terminal nothing that acts may reach it, in every
 * output format; in a pipe the output is exactly what came (the README's promise), so a
 * script gets the model's bytes.
 */

let server: ChunkServer;
beforeAll(async () => {
  server = await serveChunks();
});
afterAll(() => server.close());

async function print(
  reply: Array<{ event: string | null; data: string }>,
  format: OutputFormat,
  mode: StreamMode,
  isTTY: boolean,
) {
  server.serve(encodeFramed(reply, CLEAN));
  const chunks: string[] = [];
  const outcome = await runPrint({
    client: clientFor(server.url, 0),
    settings: { ...SETTINGS, mode },
    prompt: 'hi',
    format,
    stdout: { isTTY, write: (chunk) => chunks.push(chunk) },
  });
  return { out: chunks.join(''), outcome };
}

const texts = (reply: Array<{ event: string | null; data: string }>) =>
  reply.flatMap(({ data }) => {
    try {
      const parsed = JSON.parse(data);
      return parsed?.delta?.type === 'text_delta' ? [parsed.delta.text as string] : [];
    } catch {
      return [];
    }
  });

describe('print mode with hostile replies', () => {
  const FORMATS: OutputFormat[] = ['text', 'json', 'stream-json'];
  const MODES: StreamMode[] = ['helper', 'raw'];

  it('puts nothing that acts on a terminal, in every format', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostileReply,
        fc.constantFrom(...FORMATS),
        fc.constantFrom(...MODES),
        async (reply, format, mode) => {
          const { out, outcome } = await print(reply, format, mode, true);
          expect(unsafeOnTerminal(out)).toBeUndefined();
          if (format === 'json' && outcome.status === 'complete')
            expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(outcome.message)));
        },
      ),
      { numRuns: 15 },
    );
  });

  it('passes the text, and each event of stream-json, through a pipe exactly', async () => {
    await fc.assert(
      fc.asyncProperty(hostileReply, fc.constantFrom(...MODES), async (reply, mode) => {
        const text = (await print(reply, 'text', mode, false)).out;
        const sent = texts(reply).join('');
        expect(text).toBe(sent ? `${sent}\n` : '');
        const events = (await print(reply, 'stream-json', mode, false)).out;
        expect(events).toBe(reply.map(({ data }) => `${data}\n`).join(''));
      }),
      { numRuns: 8 },
    );
  });
});
