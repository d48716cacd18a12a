import { describe, expect, it } from 'vitest';
import { afterTurn, withPrompt } from '../../src/engine/history.js';
import { serveFixture } from '../support/sse-fixture-server.js';
import { turnOn } from '../support/turns.js';

describe('the history after a reply with a block type the API does not know', () => {
  it.each(['helper', 'raw'] as const)(
    'keeps the block in the message but leaves it out of the next request (%s)',
    async (mode) => {
      const prompt = 'summarize';
      const { outcome } = await turnOn(await serveFixture('unknown-types'), mode, { prompt });
      expect(outcome.status).toBe('complete');
      expect(outcome.message?.content.map((b) => b.type)).toEqual(['text', 'future_widget']);
      const request = withPrompt([], prompt);
      const next = withPrompt(afterTurn(request, outcome), 'go on');
      expect(next).toEqual([
        { role: 'user', content: prompt },
        { role: 'assistant', content: [{ type: 'text', text: "Here's the summary you asked for." }] },
        { role: 'user', content: 'go on' },
      ]);
    },
  );
});
