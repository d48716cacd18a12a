import { describe, expect, it } from 'vitest';
import { appOn, renderSized } from '../support/sized-ink.js';
import { loadRenderers, notebook, tick } from './harness.js';

// The App on real Ink: the frame that shows a reply's end draws the reply as it streamed, its
// last words with it, and the reply's Markdown follows in a frame of its own.
describe('the frame that shows a reply end', () => {
  it('shows the text as it streamed with the finished status, then its Markdown', async () => {
    await loadRenderers();
    const nb = await notebook({ scenario: 'chat', pace: { deltasPerSecond: 400 } });
    const ink = renderSized(appOn(nb.session), 120, 40, { keepFrames: true });
    try {
      nb.session.submit('describe a database schema');
      await nb.session.settled();
      await tick(60);
      const frames = ink.frames();
      const ended = frames.findIndex((frame) => frame.includes('end_turn'));
      expect(ended).toBeGreaterThan(0);
      // The reply streamed: a frame before the end showed some of it.
      expect(frames.slice(0, ended).some((frame) => frame.includes('**Meridian**'))).toBe(true);
      expect(frames[ended]).toContain('**Meridian** is a fictional');
      const last = frames.at(-1) ?? '';
      expect(last).toContain('Meridian is a fictional');
      expect(last).not.toContain('**Meridian**');
      expect(last).toContain('end_turn');
    } finally {
      ink.unmount();
      await nb.close();
    }
  });
});
