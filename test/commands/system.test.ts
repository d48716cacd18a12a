import { describe, expect, it } from 'vitest';
import { systemCommand } from '../../src/commands/system.js';
import { commandBenches } from './command-context.js';

const bench = commandBenches();

describe('/system', () => {
  it('sets the system prompt, and no text clears it', async () => {
    const b = await bench();
    expect(await b.call(systemCommand, ' Be brief. ')).toEqual({
      kind: 'settings',
      change: { system: 'Be brief.' },
      text: 'System prompt set (9 chars)',
    });
    expect(await b.call(systemCommand, '')).toEqual({
      kind: 'settings',
      change: { system: undefined },
      text: 'System prompt cleared',
    });
  });
});
