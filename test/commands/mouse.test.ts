import { afterEach, describe, expect, it } from 'vitest';
import { type CommandBench, commandBench } from './command-context.js';

const benches: CommandBench[] = [];
afterEach(async () => {
  await Promise.all(benches.splice(0).map((bench) => bench.close()));
});

describe('/mouse', () => {
  it('turns mouse capture off and on, and says how to select text each way', async () => {
    const b = await commandBench();
    benches.push(b);
    expect(b.session.state.view.mouse).toBe(true);
    expect(await b.run('/mouse off')).toBe(
      'Mouse: off (the terminal selects text; the wheel does not scroll)',
    );
    expect(b.session.state.view.mouse).toBe(false);
    expect(await b.run('/mouse on')).toBe('Mouse: on (the wheel scrolls; hold Shift to select text)');
    expect(b.session.state.view.mouse).toBe(true);
  });

  it('names what it takes, and changes nothing, for anything but on or off', async () => {
    const b = await commandBench();
    benches.push(b);
    expect(await b.run('/mouse')).toBe('/mouse needs on or off');
    expect(await b.run('/mouse sideways')).toBe("/mouse takes on or off, got 'sideways'");
    expect(b.session.state.view.mouse).toBe(true);
  });
});
