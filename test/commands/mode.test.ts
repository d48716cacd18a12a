import { describe, expect, it } from 'vitest';
import { modeCommand } from '../../src/commands/mode.js';
import { commandBenches } from './command-context.js';

const bench = commandBenches();

describe('/mode', () => {
  it('switches to raw events', async () => {
    const b = await bench();
    expect(await b.call(modeCommand, 'raw')).toEqual({
      kind: 'settings',
      change: { mode: 'raw' },
      text: 'Mode: raw',
    });
  });

  it('names both modes when given another word, or none', async () => {
    const b = await bench();
    expect(await b.call(modeCommand, 'fast')).toEqual({
      kind: 'error',
      text: "/mode must be 'helper' or 'raw', got 'fast'",
    });
    expect(await b.call(modeCommand, '')).toEqual({
      kind: 'error',
      text: "/mode must be 'helper' or 'raw', got 'missing'",
    });
  });
});
