import { describe, expect, it } from 'vitest';
import { notebookWithEvents, stream, textBlock } from '../support/scripted-turns.js';
import { eventually, renderAppFor } from './harness.js';

const DEEP = 6000;

describe('replies that used to end the app in render', () => {
  it('a reply of 3000 quote markers does not end the app, and the notebook goes on', async () => {
    const app = await renderAppFor(await notebookWithEvents(stream(textBlock(0, `${'>'.repeat(3000)} x`))));
    try {
      await app.type('quote me');
      await app.session.settled();
      await eventually(() => expect(app.text()).toContain('>>>>>>>>>>'));
      expect(app.session.state.cells[0]?.status).toBe('complete');
      await app.type('again');
      await app.session.settled();
      expect(app.session.state.cells[1]?.status).toBe('complete');
    } finally {
      await app.close();
    }
  });

  it('an unknown event nested 6000 deep shows in the timeline as one line', async () => {
    const deep = `{"type":"mystery","x":${'['.repeat(DEEP)}${']'.repeat(DEEP)}}`;
    const events = stream([...textBlock(0, 'fine'), { event: 'mystery', data: deep }]);
    const app = await renderAppFor(await notebookWithEvents(events));
    try {
      await app.type('hi');
      await app.session.settled();
      await eventually(() => expect(app.text()).toMatch(/mystery +\(too deeply/));
      expect(app.session.state.cells[0]?.status).toBe('complete');
    } finally {
      await app.close();
    }
  });
});
