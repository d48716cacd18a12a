import { render } from 'ink-testing-library';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Cell } from '../../src/store/cell.js';
import { neutralize } from '../../src/terminal/neutralize.js';
import { EventDetail } from '../../src/ui/components/EventDetail.js';
import { withColour } from '../support/colour.js';
import {
  expectOnlySgr,
  HOSTILE,
  HOSTILE_PROMPT,
  HOSTILE_REPLY,
  hostileCells,
  OSC52,
  withoutSgr,
} from '../support/hostile-cells.js';
import { timelinePane } from '../support/panes.js';
import { cellFromEvents, notebookWithEvents, stream, textBlock } from '../support/scripted-turns.js';
import { loadRenderers, plain, renderAppFor, tick } from './harness.js';

withColour();

let reply: Cell;
let fields: Cell;

beforeAll(async () => {
  await loadRenderers(); // colour on, so the frames carry SGR codes and the check is that only those remain
  ({ reply, fields } = await hostileCells());
});

describe('hostile text on the screen', () => {
  it('the App frame of a hostile reply and prompt has no escape but SGR, and shows ␛', async () => {
    const nb = await notebookWithEvents(HOSTILE_REPLY);
    const app = await renderAppFor(nb);
    try {
      await app.keys('\u0014'); // the conversation alone: its lines are wide enough to hold the text whole
      nb.session.submit(HOSTILE_PROMPT);
      await nb.session.settled();
      await tick(20);
      const frame = app.frame();
      expectOnlySgr(frame);
      expect(withoutSgr(frame)).toContain('␛]52;c;aGFjaw==␇');
      expect(withoutSgr(frame)).toContain('␛[2J');
      expect(withoutSgr(frame)).toContain('␛]8;;http://x␇link␛]8;;␇');
      // Up recalls the hostile prompt into the editor, where it is neutralized too.
      await app.keys('\u001b[A');
      const recalled = app.frame();
      expectOnlySgr(recalled);
      expect(app.text()).toContain(`› ${neutralize(HOSTILE_PROMPT).slice(0, 20)}`);
    } finally {
      await app.close();
    }
  });

  it('the timeline of a hostile reply has no escape but SGR (previews are neutralized)', async () => {
    const { lastFrame } = render(timelinePane({ cell: reply, size: { width: 90, height: 40 } }));
    await tick(20);
    expectOnlySgr(lastFrame() ?? '');
    // A text delta's preview is its JSON string, where ESC is the visible escape \u001b.
    expect(plain(lastFrame())).toContain(JSON.stringify(HOSTILE.slice(0, 12)));
    expect(plain(lastFrame())).toContain('"Look: \\u001b]52;c"');
    expect(plain(lastFrame())).toContain(`tool_use ${neutralize(`evil${OSC52}`)}`);
  });

  it("the timeline shows a server's unknown event name and delta type with ␛ stand-ins, not raw", async () => {
    const { lastFrame } = render(timelinePane({ cell: fields, size: { width: 100, height: 30 } }));
    await tick(20);
    const frame = lastFrame() ?? '';
    expectOnlySgr(frame);
    expect(plain(frame)).toContain('ev␛]52;c;aGFjaw==␇');
    expect(plain(frame)).toContain('d␛]52;c;aGFjaw==␇');
  });

  it("EventDetail shows a server's unknown event name in its title with ␛ stand-ins, not raw", async () => {
    const event = fields.events.find((e) => e.event?.startsWith('ev'));
    if (!event) throw new Error('the hostile event is missing');
    const { lastFrame } = render(<EventDetail event={event} size={{ width: 90, height: 10 }} scroll={0} />);
    await tick(20);
    expectOnlySgr(lastFrame() ?? '');
    expect(plain(lastFrame())).toContain(`· ${neutralize(`ev${OSC52}`)} ·`);
  });

  it('EventDetail shows malformed data with ␛ stand-ins', async () => {
    const data = `{"oops ${OSC52}`;
    const cell = await cellFromEvents(stream([...textBlock(0, 'x'), { event: 'content_block_delta', data }]));
    const event = cell.events.find((e) => e.malformed);
    if (!event) throw new Error('the malformed event is missing');
    expect(event.data).toBe(data);
    const { lastFrame } = render(<EventDetail event={event} size={{ width: 90, height: 10 }} scroll={0} />);
    await tick(20);
    expectOnlySgr(lastFrame() ?? '');
    expect(plain(lastFrame())).toContain(neutralize(data));
  });
});
