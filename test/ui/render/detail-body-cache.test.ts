import { describe, expect, it } from 'vitest';
import { eventDetailBody } from '../../../src/ui/render/detail-content.js';
import { runCell } from '../harness.js';

describe('the event detail view', () => {
  it("lays an event's detail body out once per width, not on every frame or scroll key", async () => {
    const cell = await runCell('chat');
    const event = cell.events[0];
    if (!event) throw new Error('no event');
    const first = eventDetailBody(event, 60);
    expect(eventDetailBody(event, 60)).toBe(first);
    const narrower = eventDetailBody(event, 40);
    expect(narrower).not.toBe(first);
  });
});
