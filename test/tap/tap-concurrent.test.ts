import { describe, expect, it } from 'vitest';
import { startOfflineServer } from '../../src/offline/server.js';
import { tempStateDir } from '../support/journaled.js';
import { BODY, HEADERS, tapsClosedAfterEach } from '../support/tap-under-test.js';
import { rawExchange } from './raw-exchange.js';
import { tappedCells } from './tapped-cells.js';

const { opened, tapTo } = tapsClosedAfterEach();

describe('tap with many clients at once', () => {
  it('files exchanges that run side by side as whole turns, one after another', async () => {
    const server = await startOfflineServer({ pace: 'none', scenario: 'long:200' });
    opened.push(server);
    const state = tempStateDir();
    const tap = await tapTo(server.url, state.dir);
    const prompts = ['a', 'b', 'c', 'd', 'e'];
    const answers = await Promise.all(
      prompts.map((p) => rawExchange(`${tap.url}/v1/messages`, BODY(p, 1000), HEADERS)),
    );
    for (const answer of answers) expect(answer.error).toBeNull();
    const cells = await tappedCells(tap, state.dir, prompts.length);
    expect(cells.map((c) => c.status)).toEqual(prompts.map(() => 'complete'));
    expect(new Set(cells.map((c) => c.prompt))).toEqual(new Set(prompts));
    for (const cell of cells) expect(cell.events.length).toBe(cells[0]?.events.length);
    state.remove();
  });

  it('survives many clients leaving mid-stream at once, files them interrupted, and still answers', async () => {
    const server = await startOfflineServer({ pace: { deltasPerSecond: 500 }, scenario: 'long:1000' });
    opened.push(server);
    const state = tempStateDir();
    const tap = await tapTo(server.url, state.dir);
    const runs = Array.from({ length: 20 }, (_, i) =>
      rawExchange(`${tap.url}/v1/messages`, BODY(`p${i}`, 1000), HEADERS, {
        leaveAfterFirstChunk: i % 2 === 0,
      }),
    );
    await Promise.all(runs);
    const after = await rawExchange(`${tap.url}/v1/messages`, BODY('after', 1000), HEADERS);
    expect(after.error).toBeNull();
    expect(after.body.toString()).toContain('message_stop');
    const cells = await tappedCells(tap, state.dir, 21);
    const status = (prompt: string) => cells.find((c) => c.prompt === prompt)?.status;
    for (let i = 0; i < 20; i++) expect(status(`p${i}`)).toBe(i % 2 === 0 ? 'interrupted' : 'complete');
    expect(status('after')).toBe('complete');
    state.remove();
  });
});
