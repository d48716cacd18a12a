import { describe, expect, it } from 'vitest';
import type { Page } from '../../../src/store/session-state.js';
import { pageLines } from '../../../src/ui/components/page-lines.js';
import { mainArea, screenLayout } from '../../../src/ui/render/screen-layout.js';
import { appOn, renderSized } from '../../support/sized-ink.js';
import { notebook, plain, tick } from '../harness.js';

const COLUMNS = 100;
const ROWS = 16;
const PAGE_DOWN = '\u001b[6~';
const UP = '\u001b[A';

/** Each page scrolls by its own length: /settings is shorter than /help, and must not scroll by help's. */
describe('the notebook: a page scrolls within its own lines', () => {
  for (const command of ['/settings', '/help']) {
    it(`${command} pages down to its own last line, no further, and ↑ then moves at once`, async () => {
      const nb = await notebook();
      const screen = renderSized(appOn(nb.session), COLUMNS, ROWS);
      const keys = async (...inputs: string[]) => {
        for (const input of inputs) {
          screen.stdin.write(input);
          await tick(3);
        }
        await tick(20);
      };
      try {
        await tick(15);
        await keys(command, '\r');
        const page = nb.session.state.view.page as Page;
        expect(page === 'help' ? 'help' : page.title).toBe(command === '/help' ? 'help' : 'Settings');
        const layout = screenLayout({
          columns: COLUMNS,
          rows: ROWS,
          timelineShown: true,
          promptLines: 1,
          toastLines: 0,
        });
        if (layout.kind !== 'notebook') throw new Error('too small');
        const height = mainArea(layout).height;
        const lines = pageLines(page, COLUMNS).map((line) => plain(line).trimEnd());
        // Longer than the area, or there is nothing to scroll.
        expect(lines.length).toBeGreaterThan(height + 2);
        const shown = () =>
          screen
            .text()
            .split('\n')
            .slice(0, height)
            .map((line) => line.trimEnd());

        await keys(...Array.from({ length: 12 }, () => PAGE_DOWN));
        expect(shown()).toEqual(lines.slice(-height));
        await keys(UP);
        expect(shown()).toEqual(lines.slice(-height - 1, -1));
      } finally {
        screen.unmount();
        await nb.close();
      }
    });
  }
});
