import { describe, expect, it } from 'vitest';
import { quitCommand } from '../../src/commands/quit.js';
import { commandBenches } from './command-context.js';

const bench = commandBenches();

describe('/quit', () => {
  it('quits when nothing streams', async () => {
    const b = await bench();
    expect(await b.call(quitCommand)).toEqual({ kind: 'quit' });
    await b.run('/quit');
    expect(b.quits).toBe(1);
  });

  it('asks first while a reply streams, and the line comes back for Enter to confirm', async () => {
    const b = await bench({ scenario: 'long' });
    b.session.submit('tell me a long story');
    expect(await b.call(quitCommand)).toEqual({
      kind: 'error',
      text: 'a reply is streaming: press Enter again to stop it and quit',
    });
    expect(b.session.state.quitArmed).toBe('Enter');
    expect(await b.call(quitCommand)).toEqual({ kind: 'quit' });
  });
});
