import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../src/ui/format.js';
import { eventually, tick } from '../harness.js';

/** An OSC 52 clipboard write, its base64 payload captured. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: OSC 52 starts with ESC and ends with BEL
const OSC52 = /^\u001b\]52;c;([A-Za-z0-9+/=]*)\u0007$/;

import { cell, openApps, toast } from '../../support/open-apps.js';

describe('the notebook: copy and save', () => {
  const CTRL_Y = '\u0019';

  const { afterTurn, afterInterrupt, app, tempDir } = openApps();

  /** The payload of an OSC 52 clipboard write, decoded. */
  function osc52Payload(written: string): string {
    const match = OSC52.exec(written);
    if (!match) throw new Error(`not an OSC 52 sequence: ${JSON.stringify(written.slice(0, 40))}`);
    return Buffer.from(match[1] ?? '', 'base64').toString('utf8');
  }

  describe('copy', () => {
    it("/copy writes OSC 52 with exactly the cell's message JSON, and the toast says it cannot confirm", async () => {
      const harness = await afterTurn();
      await harness.type('/copy');
      const json = JSON.stringify(cell(harness).message, null, 2);
      expect(harness.written).toHaveLength(1);
      expect(osc52Payload(harness.written[0] as string)).toBe(json);
      const bytes = formatBytes(Buffer.byteLength(json));
      await eventually(() =>
        expect(toast(harness)).toBe(
          `Cell 1 JSON, ${bytes}: sent by OSC 52 (the terminal decides; it cannot confirm)`,
        ),
      );
    });

    it('Ctrl+Y copies the selected cell, not only the newest', async () => {
      const harness = await afterTurn();
      harness.session.setScenario('tool-use');
      await harness.type('weather in Oslo?');
      await harness.session.settled();
      await tick(20);
      await harness.keys(CTRL_Y);
      expect(osc52Payload(harness.written[0] as string)).toBe(
        JSON.stringify(cell(harness, 1).message, null, 2),
      );
      await eventually(() => expect(toast(harness)).toMatch(/^Cell 2 JSON, /));
      await harness.keys('\t', '\u001b[A', CTRL_Y); // select cell 1 in the conversation
      expect(harness.written).toHaveLength(2);
      expect(osc52Payload(harness.written[1] as string)).toBe(
        JSON.stringify(cell(harness, 0).message, null, 2),
      );
      await eventually(() =>
        expect(toast(harness)).toMatch(/^Cell 1 JSON, .*OSC 52 \(the terminal decides; it cannot confirm\)/),
      );
    });

    it('/copy of an interrupted cell copies its partial message, and the whole toast fits on the line', async () => {
      const harness = await afterInterrupt(100);
      expect(cell(harness).status).toBe('interrupted');
      await harness.type('/copy');
      const json = JSON.stringify(
        {
          ...cell(harness).message,
          error: { kind: 'interrupted', message: 'interrupted' },
          usage_incomplete: true,
        },
        null,
        2,
      );
      expect(osc52Payload(harness.written[0] as string)).toBe(json);
      await eventually(() =>
        expect(toast(harness)).toMatch(/^Cell 1 JSON \(partial, interrupted, usage incomplete\), /),
      );
      expect(toast(harness)).toBe(
        `Cell 1 JSON (partial, interrupted, usage incomplete), ${formatBytes(Buffer.byteLength(json))}: sent by OSC 52 (the terminal decides; it cannot confirm)`,
      );
    });

    it('/copy 1 copies cell 1 by number', async () => {
      const harness = await afterTurn();
      await harness.type('hi again');
      await harness.session.settled();
      await harness.type('/copy 1');
      expect(osc52Payload(harness.written[0] as string)).toBe(
        JSON.stringify(cell(harness, 0).message, null, 2),
      );
      await eventually(() => expect(toast(harness)).toMatch(/^Cell 1 JSON/));
    });

    it('/copy 9 for a missing cell gives an inline error and writes nothing', async () => {
      const harness = await afterTurn();
      await harness.type('/copy 9');
      expect(harness.written).toEqual([]);
      await eventually(() => expect(toast(harness)).toBe('there is no cell 9'));
      expect(harness.session.state.cells).toHaveLength(1);
    });

    it('/copy before any cell says so and writes nothing', async () => {
      const harness = await app();
      await harness.type('/copy');
      expect(harness.written).toEqual([]);
      await eventually(() => expect(toast(harness)).toBe('there is no cell yet'));
    });

    it('/copy of a cell that failed before any message says so and writes nothing', async () => {
      const harness = await afterTurn({ scenario: 'unauthorized' });
      await harness.type('/copy');
      expect(harness.written).toEqual([]);
      await eventually(() => expect(toast(harness)).toBe('cell 1 has no message yet'));
    });
  });

  describe('save', () => {
    it("/save writes the cell's message JSON to streambook-cell-1.json in the cwd and names it", async () => {
      const cwd = tempDir();
      const harness = await afterTurn({ cwd });
      await harness.type('/save');
      const json = JSON.stringify(cell(harness).message, null, 2);
      await eventually(() =>
        expect(toast(harness)).toBe(
          `Saved cell 1 JSON (${formatBytes(Buffer.byteLength(json) + 1)}) to ./streambook-cell-1.json`,
        ),
      );
      expect(readFileSync(join(cwd, 'streambook-cell-1.json'), 'utf8')).toBe(`${json}\n`);
      expect(harness.written).toEqual([]);
    });

    it('/save never overwrites an existing file with its default name', async () => {
      const cwd = tempDir();
      writeFileSync(join(cwd, 'streambook-cell-1.json'), 'keep me');
      const harness = await afterTurn({ cwd });
      await harness.type('/save');
      await eventually(() => expect(toast(harness)).toMatch(/to \.\/streambook-cell-1-2\.json$/));
      expect(readFileSync(join(cwd, 'streambook-cell-1.json'), 'utf8')).toBe('keep me');
      const json = JSON.stringify(cell(harness).message, null, 2);
      expect(readFileSync(join(cwd, 'streambook-cell-1-2.json'), 'utf8')).toBe(`${json}\n`);
      await harness.type('/save');
      await eventually(() => expect(toast(harness)).toMatch(/to \.\/streambook-cell-1-3\.json$/));
      expect(existsSync(join(cwd, 'streambook-cell-1-3.json'))).toBe(true);
    });

    it('/save 1 out.json writes to the path given', async () => {
      const cwd = tempDir();
      const harness = await afterTurn({ cwd });
      await harness.type('/save 1 out.json');
      await eventually(() => expect(toast(harness)).toMatch(/to \.\/out\.json$/));
      expect(JSON.parse(readFileSync(join(cwd, 'out.json'), 'utf8'))).toEqual(cell(harness).message);
    });

    it('/save 9 for a missing cell gives an inline error and writes no file', async () => {
      const cwd = tempDir();
      const harness = await afterTurn({ cwd });
      await harness.type('/save 9');
      await eventually(() => expect(toast(harness)).toBe('there is no cell 9'));
      expect(existsSync(join(cwd, 'streambook-cell-9.json'))).toBe(false);
    });
  });
});
