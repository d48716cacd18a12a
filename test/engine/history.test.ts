import { describe, expect, it } from 'vitest';
import { afterTurn, NO_TOOL_RESULT, withPrompt } from '../../src/engine/history.js';
import { streamTurn } from '../../src/engine/turn.js';
import type { MessageParam, TurnOutcome } from '../../src/engine/types.js';
import { startOfflineServer } from '../../src/offline/server.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { clientFor, SETTINGS } from '../support/turns.js';

async function turn(url: string, messages: MessageParam[], signalAfterTexts?: number): Promise<TurnOutcome> {
  const abort = new AbortController();
  let texts = 0;
  return streamTurn(
    { client: clientFor(url), messages, settings: SETTINGS, signal: abort.signal },
    (update) => {
      if (update.type === 'text' && signalAfterTexts !== undefined && ++texts === signalAfterTexts)
        abort.abort();
    },
  );
}

const track = closeAfterEach();

describe('the conversation history', () => {
  it('appends the whole assistant reply after a complete turn', async () => {
    const server = track(await startOfflineServer({ pace: 'none', scenario: 'thinking' }));
    const request = withPrompt([], 'hello');
    const outcome = await turn(server.url, request);
    const history = afterTurn(request, outcome);
    expect(history).toHaveLength(2);
    expect(history[1]).toEqual({ role: 'assistant', content: outcome.message?.content });
    expect((history[1]?.content as { type: string }[] | undefined)?.map((b) => b.type)).toEqual([
      'thinking',
      'text',
    ]);
  });

  it('keeps only the trimmed partial text of an interrupted turn, and the next request is accepted', async () => {
    const server = track(await startOfflineServer({ pace: { deltasPerSecond: 300 }, scenario: 'thinking' }));
    const request = withPrompt([], 'hello');
    const outcome = await turn(server.url, request, 3);
    expect(outcome.status).toBe('interrupted');
    const history = afterTurn(request, outcome);
    expect(history).toHaveLength(2);
    expect(history[1]?.content).toEqual([{ type: 'text', text: expect.any(String) }]);
    server.setScenario('chat');
    const next = await turn(server.url, withPrompt(history, 'go on'));
    expect(next.status).toBe('complete');
  });

  it('leaves the history as it was after a failed turn with no text', async () => {
    const server = track(await startOfflineServer({ pace: 'none', scenario: 'unauthorized' }));
    const earlier: MessageParam[] = [
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: [{ type: 'text', text: 'Hello!' }] },
    ];
    const request = withPrompt(earlier, 'again');
    const outcome = await turn(server.url, request);
    expect(outcome.status).toBe('failed');
    expect(afterTurn(request, outcome)).toEqual(earlier);
  });

  it('answers a tool_use with an error tool_result before the next prompt, and the API accepts it', async () => {
    const server = track(await startOfflineServer({ pace: 'none', scenario: 'tool-use' }));
    const request = withPrompt([], 'weather?');
    const outcome = await turn(server.url, request);
    const history = afterTurn(request, outcome);
    const toolUse = outcome.message?.content.find((b) => b.type === 'tool_use') as { id: string };
    const next = withPrompt(history, 'never mind');
    expect(next.at(-1)).toEqual({
      role: 'user',
      content: [
        { type: 'tool_result', tool_use_id: toolUse.id, is_error: true, content: NO_TOOL_RESULT },
        { type: 'text', text: 'never mind' },
      ],
    });
    server.setScenario('chat');
    expect((await turn(server.url, next)).status).toBe('complete');
  });
});
