import { describe, expect, it } from 'vitest';
import { replyTo } from '../../src/offline/corpus.js';
import { isScenarioName, parseScenario, SCENARIOS } from '../../src/offline/scenario-names.js';
import { formatSse } from '../../src/offline/sse.js';
import { estimateTokens, jsonChunks, splitIntoPieces } from '../../src/offline/tokens.js';

describe('formatSse', () => {
  it('frames an event as the API does', () => {
    expect(formatSse('message_stop', { type: 'message_stop' })).toBe(
      'event: message_stop\ndata: {"type":"message_stop"}\n\n',
    );
  });

  it('writes a string as is', () => {
    expect(formatSse('ping', '{"type": "ping"}')).toBe('event: ping\ndata: {"type": "ping"}\n\n');
  });
});

describe('token pieces', () => {
  it('look like the API deltas: words with their leading space, punctuation apart', () => {
    expect(splitIntoPieces("In a distant future, Earth's ice...")).toEqual([
      'In',
      ' a',
      ' distant',
      ' future',
      ',',
      ' Earth',
      "'s",
      ' ice',
      '...',
    ]);
  });

  it('join back into the text, whatever it holds', () => {
    const texts = [
      '```ts\nconst a = 1;\n```\n\n- **bold** item',
      '  two  spaces\t\ttab \n ',
      'émoji 🚀 ok?!',
      '',
    ];
    for (const text of texts) expect(splitIntoPieces(text).join('')).toBe(text);
  });

  it('count about four characters a token', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('abcde')).toBe(2);
  });

  it('cut JSON into chunks that start empty and join back', () => {
    const json = JSON.stringify({ location: 'San Francisco, CA', unit: 'celsius' });
    const chunks = jsonChunks(json);
    expect(chunks[0]).toBe('');
    expect(chunks.join('')).toBe(json);
  });
});

describe('the corpus', () => {
  it('answers by keyword, the same way every time', () => {
    expect(replyTo('Write a 1 sentence description of a sci fi world').text).toMatch(/^In a distant future/);
    expect(replyTo('Describe a fake database').text).toContain('**Meridian**');
    expect(replyTo('show me some typescript code').text).toContain('```ts');
    expect(replyTo('hi').text).toBe(replyTo('hi').text);
  });

  it('prefers the subject over the instruction', () => {
    expect(replyTo('Explain streaming to me').text).toMatch(/^Streaming lets you/);
  });

  it('falls back to an answer that refers to the prompt', () => {
    expect(replyTo('quantum gardening for hamsters').text).toContain('quantum gardening for hamsters');
  });
});

describe('scenario names', () => {
  it('are unique and all parse', () => {
    const names = SCENARIOS.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(isScenarioName(name)).toBe(true);
  });

  it('take a count after long, and nothing else', () => {
    expect(parseScenario('long:20000')).toEqual({ name: 'long', deltas: 20000 });
    expect(parseScenario('long')).toEqual({ name: 'long', deltas: null });
    for (const bad of ['long:0', 'long:-1', 'long:1.5', 'long:', 'chat:3', 'long:1:2', 'Chat', '']) {
      expect(isScenarioName(bad)).toBe(false);
    }
  });
});
