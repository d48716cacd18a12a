import { describe, expect, it } from 'vitest';
import { rawCommand } from '../../src/commands/raw.js';
import { commandBenches } from './command-context.js';

const bench = commandBenches();

describe('/raw', () => {
  it('toggles between plain text and Markdown', async () => {
    const b = await bench();
    expect(await b.call(rawCommand)).toEqual({ kind: 'toast', text: 'Replies: plain text' });
    expect(b.session.state.view.rawText).toBe(true);
    expect(await b.call(rawCommand)).toEqual({ kind: 'toast', text: 'Replies: Markdown' });
    expect(b.session.state.view.rawText).toBe(false);
  });
});
