import { describe, expect, it } from 'vitest';
import { clearCommand } from '../../src/commands/clear.js';
import { commandBenches } from './command-context.js';

const bench = commandBenches();

describe('/clear', () => {
  it('starts a new conversation and keeps the settings', async () => {
    const b = await bench({ settings: { maxTokens: 4096 } });
    await b.send('hello');
    expect(await b.call(clearCommand)).toEqual({ kind: 'toast', text: 'New conversation' });
    expect(b.session.state.cells).toEqual([]);
    expect(b.session.state.history).toEqual([]);
    expect(b.session.state.settings.maxTokens).toBe(4096);
  });
});
