import { describe, expect, it } from 'vitest';
import { helpCommand } from '../../src/commands/help.js';
import { commandBenches } from './command-context.js';

const bench = commandBenches();

describe('/help', () => {
  it('asks to show the help, and opening it shows keys and commands from the top', async () => {
    const b = await bench();
    expect(await b.call(helpCommand)).toEqual({ kind: 'show', view: 'help' });
    b.session.view(() => ({ pageScroll: 5 }));
    await b.run('/help');
    expect(b.session.state.view).toMatchObject({ page: 'help', pageScroll: 0 });
  });
});
