import { describe, expect, it } from 'vitest';
import { thinkingCommand } from '../../src/commands/thinking.js';
import { commandCases } from '../support/command-cases.js';
import { type CommandBench, commandBenches } from './command-context.js';

const open = commandBenches();
const bench = (maxTokens: number): Promise<CommandBench> => open({ settings: { maxTokens } });

commandCases(thinkingCommand, [
  {
    does: 'a budget, and off, change the settings for the next turns',
    settings: { maxTokens: 4096 },
    calls: [
      ['2048', { kind: 'settings', change: { thinkingBudget: 2048 }, text: 'Thinking budget: 2048 tokens' }],
      ['off', { kind: 'settings', change: { thinkingBudget: undefined }, text: 'Thinking: off' }],
    ],
  },
]);

describe('/thinking and /max-tokens', () => {
  it('/thinking 2048 with max tokens 1000 names the /max-tokens that makes room, and changes nothing', async () => {
    const b = await bench(1000);
    expect(await b.run('/thinking 2048')).toBe(
      '/thinking 2048 needs max tokens above it (now 1000): /max-tokens 4096 first',
    );
    expect(b.session.state.settings.thinkingBudget).toBeUndefined();
    expect(await b.run('/max-tokens 4096')).toBe('Max tokens: 4096');
    expect(await b.run('/thinking 2048')).toBe('Thinking budget: 2048 tokens');
  });

  it('/max-tokens below the thinking budget names both ways out', async () => {
    const b = await bench(4096);
    await b.run('/thinking 2048');
    expect(await b.run('/max-tokens 1000')).toBe(
      '/max-tokens must stay above the thinking budget (2048): /max-tokens 4096, or /thinking off first',
    );
    expect(b.session.state.settings.maxTokens).toBe(4096);
  });

  it('/thinking still refuses a budget under 1024', async () => {
    const b = await bench(4096);
    expect(await b.run('/thinking 10')).toBe(
      "/thinking must be 'off' or a token budget of 1024 or more, got '10'",
    );
  });
});
