import { describe, expect, it } from 'vitest';
import { retryCommand } from '../../src/commands/retry.js';
import { commandBenches } from './command-context.js';

const bench = commandBenches();

describe('/retry', () => {
  it('sends the last prompt again as a new cell', async () => {
    const b = await bench();
    await b.send('hello');
    expect(await b.call(retryCommand)).toEqual({ kind: 'none' });
    await b.session.settled();
    expect(b.session.state.cells.map((c) => [c.id, c.prompt, c.status])).toEqual([
      [1, 'hello', 'complete'],
      [2, 'hello', 'complete'],
    ]);
  });

  it('says there is nothing to retry before the first prompt', async () => {
    const b = await bench();
    expect(await b.run('/retry')).toBe('Nothing to retry yet.');
  });
});
