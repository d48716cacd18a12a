import cliTruncate from 'cli-truncate';
import fc from 'fast-check';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import { describe, expect, it } from 'vitest';
import { clusters } from '../../src/ui/render/graphemes.js';
import { timelineHeader } from '../../src/ui/render/timeline-lines.js';
import { TIMELINE_VIEW } from '../support/panes.js';

const ASCII_NAME = fc.string({ unit: fc.constantFrom('a', 'z', '_', ' '), minLength: 1, maxLength: 24 });
const ANY_NAME = fc.string({
  unit: fc.constantFrom('a', 'z', '_', ' ', '界', '😀', '👨‍👩‍👧', 'e\u0301', '🇫🇷', '…'),
  minLength: 1,
  maxLength: 12,
});
const WIDTH = fc.integer({ min: 2, max: 120 });

/** The counts line, in a pane `width` wide and in one too wide to cut it. */
function countLines(counts: Record<string, number>, width: number): { ours: string; whole: string } {
  const options = { requests: 1, height: 40, width };
  const ours = timelineHeader(1, counts, TIMELINE_VIEW, options)[2] ?? '';
  const whole = timelineHeader(1, counts, TIMELINE_VIEW, { ...options, width: 100_000 })[2] ?? '';
  return { ours, whole };
}

const counts = (name: fc.Arbitrary<string>) =>
  fc.dictionary(name, fc.integer({ min: 1, max: 50_000 }), { minKeys: 0, maxKeys: 8 });

describe("the timeline header's counts", () => {
  it('are cut at the pane as Ink cuts a line too wide, so Ink has nothing left to cut', () => {
    fc.assert(
      fc.property(counts(ASCII_NAME), WIDTH, (named, width) => {
        const { ours, whole } = countLines(named, width);
        expect(stripAnsi(ours)).toBe(stripAnsi(cliTruncate(whole, width, { position: 'end' })));
      }),
      { numRuns: 300 },
    );
  });

  it('keep every whole character that fits with the "…", and never go past the pane', () => {
    // Where Ink's cut counts a flag or an ideograph as one column it goes past the pane; this
    // one counts as the terminal does.
    fc.assert(
      fc.property(counts(ANY_NAME), WIDTH, (named, width) => {
        const { ours, whole } = countLines(named, width);
        const shown = stripAnsi(ours);
        const text = stripAnsi(whole);
        if (shown === text) return;
        expect(shown.endsWith('…')).toBe(true);
        const kept = shown.slice(0, -1);
        expect(text.startsWith(kept)).toBe(true);
        expect(stringWidth(shown)).toBeLessThanOrEqual(width);
        const next = clusters(text.slice(kept.length)).next().value;
        expect(stringWidth(kept) + (next?.[1] ?? 0) + 1).toBeGreaterThan(width);
      }),
      { numRuns: 300 },
    );
  });

  it('show a tab in an event name as ␉: the terminal would jump to its next tab stop', () => {
    const [, , line] = timelineHeader(1, { 'a\tb': 2 }, TIMELINE_VIEW, {
      requests: 1,
      height: 40,
      width: 80,
    });
    expect(stripAnsi(line ?? '')).toBe('a␉b 2');
  });
});
