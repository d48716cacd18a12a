import { describe, expect, it } from 'vitest';
import { withColour } from '../../support/colour.js';
import { conversation } from '../../support/conversation.js';
import { openApps } from '../../support/open-apps.js';
import { tick } from '../harness.js';

const { app: openApp } = openApps();

const CTRL_T = '\u0014';

withColour();

describe('the notebook: the timeline toggle', () => {
  async function finishedTurn() {
    const app = await openApp();
    await app.type('describe a database schema');
    await app.session.settled();
    await tick(20);
    return app;
  }

  it('Ctrl+T hides the timeline and the conversation takes the whole width; Ctrl+T brings it back', async () => {
    const app = await finishedTurn();
    const widest = () =>
      Math.max(
        ...app
          .text()
          .split('\n')
          .slice(0, 19)
          .map((line) => line.trimEnd().length),
      );
    expect(app.text()).toContain('Timeline · cell 1');
    expect(app.text().split('\n')[0]).toMatch(/│/);
    expect(widest()).toBe(100);
    const beside = conversation(app).map((line) => line.length);
    expect(Math.max(...beside)).toBeLessThanOrEqual(55);
    await app.keys(CTRL_T);
    expect(app.text()).not.toContain('Timeline');
    expect(app.text().split('\n').slice(0, 19).join('\n')).not.toContain('│');
    const alone = conversation(app).map((line) => line.length);
    expect(Math.max(...alone)).toBeGreaterThan(56);
    expect(Math.max(...alone)).toBeLessThanOrEqual(100);
    // The reply wraps at the new width: fewer lines than beside the timeline.
    expect(conversation(app).filter(Boolean).length).toBeLessThan(beside.filter((n) => n > 0).length);
    await app.keys(CTRL_T);
    expect(app.text()).toContain('Timeline · cell 1');
    expect(Math.max(...conversation(app).map((line) => line.length))).toBeLessThanOrEqual(55);
  });

  it('/timeline does the same as Ctrl+T', async () => {
    const app = await finishedTurn();
    await app.type('/timeline');
    expect(app.text()).not.toContain('Timeline');
    expect(Math.max(...conversation(app).map((line) => line.length))).toBeGreaterThan(56);
    await app.type('/timeline');
    expect(app.text()).toContain('Timeline · cell 1');
  });

  it('hiding the timeline while it has focus gives focus back to the prompt', async () => {
    const app = await finishedTurn();
    await app.keys('\t', '\t');
    expect(app.text()).toContain('Tab returns here');
    await app.keys(CTRL_T);
    expect(app.text()).toContain('Type a prompt, Enter sends');
    // Tab now cycles prompt → conversation only.
    await app.keys('\t', '\t');
    expect(app.text()).toContain('Type a prompt, Enter sends');
  });
});
