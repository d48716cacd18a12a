import { describe, expect, it } from 'vitest';
import { copyCommand } from '../../src/commands/copy.js';
import { commandBenches } from './command-context.js';

const bench = commandBenches();
const OSC52 = 'sent by OSC 52 (the terminal decides; it cannot confirm)';

describe('/copy', () => {
  it("copies the cell's final message JSON", async () => {
    const b = await bench();
    await b.send('hello');
    const result = await b.call(copyCommand);
    expect(result).toEqual({
      kind: 'toast',
      text: expect.stringMatching(/^Cell 1 JSON, \d+ B: /),
      tone: 'info',
    });
    expect(JSON.parse(b.copied() ?? '')).toEqual(b.session.state.cells[0]?.message);
  });

  it('says when the cell failed and its usage never came', async () => {
    const b = await bench({ scenario: 'overloaded' });
    await b.send('hello');
    expect(await b.run('/copy')).toMatch(/^Cell 1 JSON \(partial, failed, usage incomplete\), /);
  });

  it('names what it takes when given something else', async () => {
    const b = await bench();
    await b.send('hello');
    expect(await b.call(copyCommand, '1 everything')).toEqual({
      kind: 'error',
      text: "/copy takes a cell number, text or code, not 'everything'",
    });
  });

  it("copies the reply's text with text", async () => {
    const b = await bench();
    await b.send('hello');
    await b.send('write a parser program');
    expect(await b.call(copyCommand, 'text 1')).toEqual({
      kind: 'toast',
      text: expect.stringMatching(new RegExp(`^Cell 1 text, \\d+ B: ${OSC52.replace(/[()]/g, '\\$&')}$`)),
      tone: 'info',
    });
    expect(b.copied()).toMatch(/^(Hello|Hi there)!/);
  });

  it('copies the first code block with code, and the k-th with code n k', async () => {
    const b = await bench();
    await b.send('write a parser program');
    expect(await b.call(copyCommand, 'code')).toMatchObject({
      kind: 'toast',
      text: expect.stringMatching(/^Cell 1 code block 1 of 1 \(ts\), \d+ B: /),
    });
    expect(b.copied()).toMatch(
      /^export async function\* readEvents\(body: AsyncIterable<Uint8Array>\) \{\n[\s\S]*\n\}$/,
    );
    expect(await b.call(copyCommand, 'code 1 2')).toEqual({
      kind: 'error',
      text: 'cell 1 has one code block: /copy code 1 1 to 1',
    });
  });

  it('says when the reply has no code block, or no cell is there', async () => {
    const b = await bench();
    expect(await b.call(copyCommand, 'code')).toEqual({ kind: 'error', text: 'there is no cell yet' });
    await b.send('hello');
    expect(await b.call(copyCommand, 'code')).toEqual({ kind: 'error', text: 'cell 1 has no code block' });
    expect(await b.call(copyCommand, 'text 7')).toEqual({ kind: 'error', text: 'there is no cell 7' });
  });
});
