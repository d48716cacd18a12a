import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { createClipboard } from '../../../src/clipboard/clipboard.js';
import { App } from '../../../src/ui/App.js';
import { closeAfterEach } from '../../support/close-after-each.js';
import { finishedTurns } from '../../support/finished-turns.js';
import { conversationPane, paneLines, timelinePane } from '../../support/panes.js';
import { renderSized } from '../../support/sized-ink.js';
import { eventually, tick } from '../harness.js';

const track = closeAfterEach();

describe('layout', () => {
  const turns = finishedTurns();

  function appOn(session = turns.nb.session) {
    return (
      <App commands={{ session, clipboard: createClipboard(() => {}, null), cwd: '.', quit: () => {} }} />
    );
  }

  describe('the App at other sizes', () => {
    it("says 'terminal too small' in a short terminal, and becomes the notebook when resized", async () => {
      const screen = track(renderSized(appOn(), 100, 10));
      // Each resize is followed by a frame, which a loaded machine may be slow to paint.
      await eventually(() =>
        expect(screen.text()).toBe('terminal too small: 100x10, streambook needs 40x12'),
      );
      screen.resize(120, 30);
      await eventually(() => {
        expect(screen.text()).toContain('In [4]: weather in Lima?');
        expect(screen.text()).toContain('Timeline · cell 4');
      });
      screen.resize(100, 11);
      await eventually(() =>
        expect(screen.text()).toBe('terminal too small: 100x11, streambook needs 40x12'),
      );
    });

    it('says in full what it needs when the terminal is too narrow (30x10)', async () => {
      const screen = track(renderSized(appOn(), 30, 10));
      await tick(15);
      expect(screen.text()).toMatch(/^terminal too small/);
      expect(screen.text().replace(/\s+/g, ' ')).toContain('streambook needs 40x12');
      expect(
        screen
          .text()
          .split('\n')
          .every((line) => stringWidth(line) <= 30),
      ).toBe(true);
    });

    it('puts the timeline under the conversation in a narrow terminal', async () => {
      const screen = track(renderSized(appOn(), 80, 30));
      await tick(15);
      const lines = screen.text().split('\n');
      expect(lines).toHaveLength(29);
      const timeline = lines.findIndex((line) => line.startsWith('Timeline · cell 4'));
      const separators = lines.flatMap((line, i) => (/^─{80}$/.test(line) ? [i] : []));
      expect(separators).toHaveLength(2);
      expect(separators[0]).toBe(timeline - 1);
      expect(lines.slice(0, timeline - 1).join('\n')).toContain('⚙ tool_use get_weather');
      expect(lines.every((line) => stringWidth(line) <= 80)).toBe(true);
      expect(lines.some((line) => line.includes('│'))).toBe(false);
    });

    it.each([
      [100, 24],
      [140, 50],
      [80, 24],
      [40, 12],
    ])('fills %ix%i but for its last row, and no line is wider than the terminal', async (columns, rows) => {
      const screen = track(renderSized(appOn(), columns, rows));
      await tick(15);
      const lines = screen.text().split('\n');
      expect(lines).toHaveLength(rows - 1);
      expect(lines.filter((line) => stringWidth(line) > columns)).toEqual([]);
      expect(lines.at(-1)).toMatch(/^ claude-sonnet-4-6 · helper · offline/);
    });

    it('keeps the frame one row shorter than a 12-row terminal while a five-line prompt is typed', async () => {
      const screen = track(renderSized(appOn(), 80, 12));
      await tick(15);
      for (const key of ['a', '\n', 'b', '\n', 'c', '\n', 'd', '\n', 'e']) {
        screen.stdin.write(key);
        await tick(3);
      }
      await tick(15);
      const lines = screen.text().split('\n');
      expect(lines.slice(-6, -1).map((line) => line.trim())).toEqual(['› a', 'b', 'c', 'd', 'e']);
      expect(lines).toHaveLength(11);
    });
  });

  describe('panes at explicit sizes', () => {
    it.each([
      [40, 8],
      [55, 20],
      [99, 13],
    ])('ConversationPane fills %ix%i exactly, ending with the newest cell', async (width, height) => {
      const lines = await paneLines(conversationPane({ cells: turns.finished, size: { width, height } }));
      expect(lines).toHaveLength(height);
      expect(lines.every((line) => stringWidth(line) <= width)).toBe(true);
      expect(lines.at(-2)?.trim()).toMatch(/^end_turn · TTFT|tok\/s$/);
    });

    it.each([
      [44, 10],
      [72, 30],
    ])('TimelinePane fills %ix%i exactly', async (width, height) => {
      const lines = await paneLines(timelinePane({ cell: turns.finished[0], size: { width, height } }));
      expect(lines).toHaveLength(height);
      expect(lines.every((line) => stringWidth(line) <= width)).toBe(true);
      expect(lines.at(-1)).toMatch(/^\s+\+\d{1,3}(?: \d{3})* message_stop/);
    });
  });
});
