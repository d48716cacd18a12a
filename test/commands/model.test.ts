import { describe, expect, it } from 'vitest';
import { modelCommand } from '../../src/commands/model.js';
import { commandBenches } from './command-context.js';

const bench = commandBenches();

describe('/model', () => {
  it('uses the named model for the next turns', async () => {
    const b = await bench();
    expect(await b.call(modelCommand, ' claude-opus-4-1 ')).toEqual({
      kind: 'settings',
      change: { model: 'claude-opus-4-1' },
      text: 'Model: claude-opus-4-1',
    });
  });

  it('says which model is in use when given no name', async () => {
    const b = await bench();
    expect(await b.call(modelCommand)).toEqual({
      kind: 'error',
      text: '/model needs a name (now: claude-sonnet-4-6)',
    });
  });

  it('refuses a name with a space or a control character', async () => {
    const b = await bench();
    expect(await b.call(modelCommand, 'claude\u001b[31m')).toEqual({
      kind: 'error',
      text: '/model must be a model name without spaces or control characters',
    });
  });
});
