import { describe, expect, it } from 'vitest';
import { TimelineRowCache } from '../../src/ui/render/timeline-rows.js';
import { updatesFromEvents } from '../support/scripted-turns.js';
import { messageStart } from '../support/stream-events.js';
import { cellFrom } from './harness.js';

describe('the timeline error preview', () => {
  it('keeps an error message with line breaks on its one row, each break shown as ␊ or ␍', async () => {
    const message = 'Overloaded\r\nstreambook: forged line';
    const updates = await updatesFromEvents([
      messageStart(),
      { event: 'error', data: { type: 'error', error: { type: 'overloaded_error', message } } },
    ]);
    const rows = new TimelineRowCache()
      .rows(cellFrom(updates), { hidePings: false, foldDeltas: false })
      .slice();
    const error = rows.find((row) => row.name === 'error');
    expect(error?.preview).toBe('overloaded_error: Overloaded␍␊streambook: forged line');
  });
});
