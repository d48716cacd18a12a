import { describe, expect, it } from 'vitest';
import type { RecordedAttempt } from '../../src/offline/recording.js';
import { replayTimeline } from '../../src/offline/replay.js';

describe('the replay schedule', () => {
  const attempt: RecordedAttempt = {
    status: 200,
    headers: [],
    respondedAfterMs: 100,
    events: [10, 250, 251, 900].map((t, i) => ({ t: t + 100, event: `e${i}`, data: '{}' })),
    errorBody: null,
    ending: 'end',
  };

  it('keeps the recorded times at speed 1', () => {
    const timeline = replayTimeline(attempt, 1);
    expect(timeline.headersAt).toBe(100);
    expect(timeline.events.map((e) => e.due)).toEqual([110, 350, 351, 1000]);
  });

  it('scales every gap by the speed, in the recorded order', () => {
    const timeline = replayTimeline(attempt, 2);
    expect(timeline.headersAt).toBe(50);
    expect(timeline.events.map((e) => e.due)).toEqual([55, 175, 175.5, 500]);
    expect(replayTimeline(attempt, 0.5).events.map((e) => e.due)).toEqual([220, 700, 702, 2000]);
    expect(timeline.events.map((e) => e.event)).toEqual(['e0', 'e1', 'e2', 'e3']);
  });

  it('waits no less than nothing and no longer than a timer can, whatever the file says', () => {
    const hostile = { ...attempt, events: [-50, 1e15].map((t) => ({ t, event: null, data: '' })) };
    expect(replayTimeline(hostile, 1).events.map((e) => e.due)).toEqual([0, 2 ** 31 - 1]);
    expect(replayTimeline(attempt, 0.000001).events.every((e) => (e.due ?? 0) <= 2 ** 31 - 1)).toBe(true);
  });

  it('sends everything at once at speed 0', () => {
    const timeline = replayTimeline(attempt, 0);
    expect(timeline.headersAt).toBeNull();
    expect(timeline.events.map((e) => e.due)).toEqual([null, null, null, null]);
  });
});
