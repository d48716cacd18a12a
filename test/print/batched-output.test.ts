import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { startOfflineServer } from '../../src/offline/server.js';
import { BatchedOutput } from '../../src/print/batched-output.js';
import { runPrint } from '../../src/print/print-mode.js';
import { clientFor, SETTINGS } from '../support/turns.js';

describe('print mode’s batched output', () => {
  it('writes what one turn of the event loop brings as one write, in order, and flushes at once when asked', async () => {
    const writes: string[] = [];
    const out = new BatchedOutput((chunk) => writes.push(chunk));
    out.write('a');
    out.write('');
    out.write('b');
    expect(writes).toEqual([]);
    await nextTurn();
    expect(writes).toEqual(['ab']);
    out.write('c');
    out.flush();
    expect(writes).toEqual(['ab', 'c']);
    await nextTurn();
    expect(writes).toEqual(['ab', 'c']);
  });

  it('streams a fast reply in far fewer writes than deltas, every byte in order, all written by the end', async () => {
    const server = await startOfflineServer({ pace: 'none', scenario: 'long:2000' });
    try {
      const writes: string[] = [];
      const texts: string[] = [];
      const outcome = await runPrint({
        client: clientFor(server.url, 0),
        settings: { ...SETTINGS, maxTokens: 3000 },
        prompt: 'hi',
        format: 'text',
        stdout: { isTTY: false, write: (chunk) => writes.push(chunk) },
      });
      expect(outcome.status).toBe('complete');
      for (const block of outcome.message?.content ?? []) if (block.type === 'text') texts.push(block.text);
      expect(writes.join('')).toBe(`${texts.join('')}\n`);
      // 2,000 deltas come in a few network reads; a write per delta would be 2,001 writes.
      expect(writes.length).toBeLessThan(200);
    } finally {
      await server.close();
    }
  });
});
