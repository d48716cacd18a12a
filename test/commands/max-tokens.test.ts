import { describe, expect, it } from 'vitest';
import { maxTokensCommand } from '../../src/commands/max-tokens.js';
import { commandBenches } from './command-context.js';

const bench = commandBenches();

describe('/max-tokens', () => {
  it('changes max tokens for the next turns', async () => {
    const b = await bench();
    expect(await b.call(maxTokensCommand, ' 2048 ')).toEqual({
      kind: 'settings',
      change: { maxTokens: 2048 },
      text: 'Max tokens: 2048',
    });
  });

  it('says what it is now when given nothing', async () => {
    const b = await bench({ settings: { maxTokens: 1000 } });
    expect(await b.call(maxTokensCommand, '')).toEqual({
      kind: 'error',
      text: '/max-tokens needs a number (now: 1000)',
    });
  });

  it('refuses what is not a whole number of 1 or more', async () => {
    const b = await bench();
    expect(await b.call(maxTokensCommand, '1e3')).toEqual({
      kind: 'error',
      text: "/max-tokens must be a whole number of 1 or more, got '1e3'",
    });
  });
});
