import { describe, expect, it } from 'vitest';
import { timelineCommand } from '../../src/commands/timeline.js';
import { commandBenches } from './command-context.js';

const bench = commandBenches();

describe('/timeline', () => {
  it('hides the timeline, and the focus leaves it', async () => {
    const b = await bench();
    b.session.view(() => ({ focus: 'timeline' }));
    expect(await b.call(timelineCommand)).toEqual({ kind: 'none' });
    expect(b.session.state.view).toMatchObject({ timelineShown: false, focus: 'prompt' });
    await b.call(timelineCommand);
    expect(b.session.state.view.timelineShown).toBe(true);
  });
});
