import { afterEach, describe, expect, it } from 'vitest';
import { type CommandBench, commandBench } from './command-context.js';

const benches: CommandBench[] = [];
afterEach(async () => {
  await Promise.all(benches.splice(0).map((bench) => bench.close()));
});

describe('/copy', () => {
  it('says when the cell failed and its usage never came', async () => {
    const bench = await commandBench({ scenario: 'overloaded' });
    benches.push(bench);
    await bench.send('hello');
    expect(await bench.run('/copy')).toMatch(/^Cell 1 JSON \(partial, failed, usage incomplete\), /);
  });

  it('says nothing more for a complete cell', async () => {
    const bench = await commandBench();
    benches.push(bench);
    await bench.send('hello');
    expect(await bench.run('/copy')).toMatch(/^Cell 1 JSON, \d/);
  });
});
