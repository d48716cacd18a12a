import { describe, expect, it } from 'vitest';
import { withColour } from '../../support/colour.js';
import { conversation } from '../../support/conversation.js';
import { cell as firstCell, openApps } from '../../support/open-apps.js';
import { tick } from '../harness.js';

const { app: openApp } = openApps();

const CTRL_T = '\u0014';

withColour();

describe('the notebook: scrolling', () => {
  const PAGE_UP = '\u001b[5~';
  const PAGE_DOWN = '\u001b[6~';

  it('PgDn scrolls back down at once after PgUp went past the top of the conversation', async () => {
    const app = await openApp();
    await app.keys(CTRL_T);
    for (const prompt of ['hello', 'write some typescript code', 'describe a database schema']) {
      await app.type(prompt);
      await app.session.settled();
    }
    await tick(20);
    const bottom = conversation(app);
    await app.keys('\t', PAGE_UP);
    expect(conversation(app)).not.toEqual(bottom);
    // Paging up more than the conversation holds ends at its top...
    await app.keys(PAGE_UP, PAGE_UP, PAGE_UP, PAGE_UP);
    const top = conversation(app);
    expect(top[0]).toBe('In [1]: hello');
    // ...so one PgDn must move the view down again.
    await app.keys(PAGE_DOWN);
    expect(conversation(app)).not.toEqual(top);
    await app.keys(PAGE_DOWN, PAGE_DOWN, PAGE_DOWN, PAGE_DOWN, PAGE_DOWN);
    expect(conversation(app)).toEqual(bottom);
  });

  it("↑ scrolls an event's JSON back up at once after ↓ went past its end", async () => {
    const app = await openApp();
    await app.type('hello');
    await app.session.settled();
    await tick(20);
    expect(firstCell(app).events[0]?.event).toBe('message_start');
    // Home goes to the first row (the request), ↓↓ to message_start; Enter opens it.
    await app.keys('\t', '\t', '\u001b[H', '\u001b[B', '\u001b[B', '\r');
    expect(app.text()).toContain(`event #0 · message_start`);
    const pane = () =>
      app
        .text()
        .split('\n')
        .slice(0, 20)
        .map((line) => line.split('│')[1] ?? '');
    const start = pane();
    await app.keys('\u001b[B');
    expect(pane()).not.toEqual(start);
    for (let i = 0; i < 40; i++) app.stdin.write('\u001b[B');
    await tick(20);
    const end = pane();
    expect(end.join('\n')).toContain('}');
    await app.keys('\u001b[A');
    expect(pane()).not.toEqual(end);
  });
});
