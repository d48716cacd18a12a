import { describe, expect, it } from 'vitest';
import { type ScreenLayout, screenLayout } from '../../../src/ui/render/screen-layout.js';

describe('layout', () => {
  type Notebook_ = Extract<ScreenLayout, { kind: 'notebook' }>;

  function notebookLayout(input: Parameters<typeof screenLayout>[0]): Notebook_ {
    const layout = screenLayout(input);
    if (layout.kind !== 'notebook')
      throw new Error(`expected a notebook layout, got ${JSON.stringify(layout)}`);
    return layout;
  }

  const BASE = { timelineShown: true, promptLines: 1, toastLines: 0 };

  /** Rows the layout's parts take: panes, separators, the prompt, the toast, the status line. */
  function usedRows(layout: Notebook_): number {
    const panes = layout.stacked
      ? layout.conversation.height + 1 + (layout.timeline?.height ?? 0)
      : layout.conversation.height;
    return panes + 1 + layout.inputLines + layout.toastLines + 1;
  }

  describe('screenLayout', () => {
    it('puts the timeline beside the conversation at 100 columns and more', () => {
      for (const columns of [100, 120, 200]) {
        const layout = notebookLayout({ ...BASE, columns, rows: 30 });
        expect(layout.stacked).toBe(false);
        expect(layout.timeline).not.toBeNull();
        expect(layout.conversation.width + 1 + (layout.timeline?.width ?? 0)).toBe(columns);
        expect(layout.timeline?.height).toBe(layout.conversation.height);
        expect(layout.conversation.width).toBeGreaterThan(layout.timeline?.width ?? 0);
      }
    });

    it('stacks the timeline under the conversation below 100 columns', () => {
      for (const columns of [40, 80, 99]) {
        const layout = notebookLayout({ ...BASE, columns, rows: 30 });
        expect(layout.stacked).toBe(true);
        expect(layout.conversation.width).toBe(columns);
        expect(layout.timeline?.width).toBe(columns);
        expect(layout.conversation.height).toBeGreaterThan(layout.timeline?.height ?? 0);
      }
    });

    it('is too small below 40 columns or 12 rows', () => {
      expect(screenLayout({ ...BASE, columns: 39, rows: 30 })).toEqual({
        kind: 'too-small',
        columns: 39,
        rows: 30,
      });
      expect(screenLayout({ ...BASE, columns: 100, rows: 11 })).toEqual({
        kind: 'too-small',
        columns: 100,
        rows: 11,
      });
      expect(screenLayout({ ...BASE, columns: 40, rows: 12 }).kind).toBe('notebook');
    });

    it('gives the conversation the whole width when the timeline is hidden', () => {
      for (const columns of [40, 99, 100, 180]) {
        const layout = notebookLayout({ ...BASE, timelineShown: false, columns, rows: 30 });
        expect(layout.timeline).toBeNull();
        expect(layout.conversation.width).toBe(columns);
        expect(usedRows(layout)).toBe(29);
      }
    });

    it('grows the prompt up to six lines, taking rows from the panes', () => {
      const one = notebookLayout({ ...BASE, columns: 120, rows: 40 });
      const four = notebookLayout({ ...BASE, columns: 120, rows: 40, promptLines: 4 });
      const ten = notebookLayout({ ...BASE, columns: 120, rows: 40, promptLines: 10 });
      expect([one.inputLines, four.inputLines, ten.inputLines]).toEqual([1, 4, 6]);
      expect(one.conversation.height - four.conversation.height).toBe(3);
    });

    it('makes the frame exactly one row shorter than the terminal, at every size and state', () => {
      const wrong: string[] = [];
      for (const columns of [40, 60, 99, 100, 140]) {
        for (let rows = 12; rows <= 40; rows++) {
          for (const timeline of [true, false]) {
            for (const toastLines of [0, 1, 2]) {
              for (let promptLines = 1; promptLines <= 7; promptLines++) {
                const layout = notebookLayout({
                  columns,
                  rows,
                  timelineShown: timeline,
                  toastLines,
                  promptLines,
                });
                const used = usedRows(layout);
                if (layout.height !== rows - 1 || used !== rows - 1) {
                  wrong.push(
                    `${columns}x${rows} timeline=${timeline} toast=${toastLines} prompt=${promptLines}: frame ${layout.height}, parts ${used}`,
                  );
                }
              }
            }
          }
        }
      }
      expect(wrong).toEqual([]);
    });
  });
});
