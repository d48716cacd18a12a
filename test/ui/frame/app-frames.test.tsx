import { afterEach, describe, expect, it, vi } from 'vitest';
import Output from '../../../src/ui/frame/output.js';
import { appOn, renderSized } from '../../support/sized-ink.js';
import { loadRenderers, notebook, tick } from '../harness.js';

/*
 * The app's real frames: every Output that real Ink fills while the notebook streams replies
 * (chat, thinking, tools, Markdown, the timeline) is printed by our Output and by Ink's own
 * from the same writes, and the two must be byte for byte the same.
 */

type Printed = { output: string; height: number };
const ownGet = Output.prototype.get;
const inkGet = (Output.prototype as unknown as { replayInInk(this: Output): Printed }).replayInInk;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the app on our Output', () => {
  it('prints every frame of a streaming session as Ink prints it', async () => {
    const mismatches: string[] = [];
    let frames = 0;
    let own = 0;
    vi.spyOn(Output.prototype, 'get').mockImplementation(function (this: Output) {
      const ours = ownGet.call(this);
      const theirs = inkGet.call(this);
      frames++;
      if ((this as unknown as { ownPath: boolean }).ownPath) own++;
      if (ours.output !== theirs.output || ours.height !== theirs.height) {
        mismatches.push(`ours:\n${ours.output}\nInk's:\n${theirs.output}`);
      }
      return ours;
    });
    await loadRenderers();
    for (const scenario of ['chat', 'thinking', 'tool-use', 'long:300']) {
      const nb = await notebook({ scenario, pace: { deltasPerSecond: 3000 } });
      const ink = renderSized(appOn(nb.session), 120, 40);
      try {
        nb.session.submit('Write a 1 sentence description of a sci fi world');
        await nb.session.settled();
        nb.session.submit('And another, with a list and some `code`');
        await nb.session.settled();
        await tick(40);
      } finally {
        ink.unmount();
        await nb.close();
      }
    }
    expect(mismatches.slice(0, 1)).toEqual([]);
    expect(frames).toBeGreaterThan(20);
    // The app writes no overlapping or clipped text, so its frames take our path, not Ink's.
    expect(own).toBe(frames);
    // Four streamed sessions, each frame printed twice: 15 s alone, more on two shared cores.
  }, 90_000);
});
