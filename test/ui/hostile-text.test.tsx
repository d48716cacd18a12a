import { beforeAll, describe, expect, it } from 'vitest';
import type { TurnUpdate } from '../../src/engine/types.js';
import type { Cell } from '../../src/store/cell.js';
import { neutralize } from '../../src/terminal/neutralize.js';
import { CellLineCache, type CellLineOptions } from '../../src/ui/render/cell-lines.js';
import { withColour } from '../support/colour.js';
import { expectOnlySgr, HOSTILE, HOSTILE_PROMPT, hostileCells, OSC52 } from '../support/hostile-cells.js';
import { cellFrom, loadRenderers, plain } from './harness.js';

const WIDE: CellLineOptions = { width: 120, rawText: false, thinkingHidden: false, selected: false };

withColour();

let reply: Cell;
let replyUpdates: TurnUpdate[];
let fields: Cell;

beforeAll(async () => {
  await loadRenderers(); // colour on, so the frames carry SGR codes and the check is that only those remain
  ({ reply, replyUpdates, fields } = await hostileCells());
});

describe('hostile text in a cell', () => {
  it('the turn really carried the escape sequences (the test is not vacuous)', () => {
    expect(reply.status).toBe('complete');
    expect(reply.blocks[0]?.text).toBe(HOSTILE);
    expect(reply.prompt).toBe(HOSTILE_PROMPT);
    expect(fields.metrics?.stopReason).toBe(`end_turn${OSC52}`);
  });

  it('shows a finished reply rendered as Markdown with ␛ stand-ins and no escape but SGR', () => {
    const lines = new CellLineCache().lines(reply, WIDE);
    for (const line of lines) expectOnlySgr(line);
    const text = lines.map(plain).join('\n');
    expect(text).toContain(neutralize(HOSTILE));
    expect(text).toContain('␛]52;c;aGFjaw==␇');
    expect(text).toContain('␛[2J');
  });

  it('shows a finished reply as raw text (/raw) with ␛ stand-ins and no escape but SGR', () => {
    const lines = new CellLineCache().lines(reply, { ...WIDE, rawText: true });
    for (const line of lines) expectOnlySgr(line);
    expect(lines.map(plain).join('\n')).toContain(neutralize(HOSTILE));
  });

  it('shows a streaming reply with ␛ stand-ins and no escape but SGR', () => {
    const lastText = replyUpdates.findLastIndex((u) => u.type === 'text' && u.index === 0);
    const streaming = cellFrom(replyUpdates.slice(0, lastText + 1), HOSTILE_PROMPT);
    expect(streaming.status).toBe('streaming');
    const lines = new CellLineCache().lines(streaming, WIDE);
    for (const line of lines) expectOnlySgr(line);
    expect(lines.map(plain).join('\n')).toContain(neutralize(HOSTILE));
  });

  it("neutralizes the prompt's hyperlink and clipboard sequences in the In line", () => {
    const lines = new CellLineCache().lines(reply, WIDE);
    expect(plain(lines[0])).toBe(`In [1]: ${neutralize(HOSTILE_PROMPT)}`);
    expect(plain(lines[0])).toContain('␛]8;;http://x␇link␛]8;;␇');
  });

  it('neutralizes a tool name, an unknown block type and a citation title', () => {
    const text = new CellLineCache()
      .lines(reply, WIDE)
      .map((line) => {
        expectOnlySgr(line);
        return plain(line);
      })
      .join('\n');
    expect(text).toContain(`⚙ tool_use ${neutralize(`evil${OSC52}`)}`);
    expect(text).toContain(`◆ ${neutralize(`widget${OSC52}`)}`);
    expect(text).toContain(`[1] ${neutralize(`Title ${OSC52}`)} — https://example.com/`);
  });

  it("neutralizes a server's stop_reason in the metrics line", () => {
    const lines = new CellLineCache().lines(fields, WIDE);
    for (const line of lines) expectOnlySgr(line);
    expect(lines.map(plain).join('\n')).toContain(`${neutralize(`end_turn${OSC52}`)} · TTFT`);
  });
});
