import chalk from 'chalk';
import { useMemo } from 'react';
import { quoted } from '../../config/shown.js';
import { sessionTable } from '../../journal/session-table.js';
import type { SessionsPage } from '../../store/session-state.js';
import { clamp } from '../render/clamp.js';
import type { PaneSize } from '../render/screen-layout.js';
import { Lines } from './Lines.js';

/**
 * The list's lines at a size: a title, then the rows around the cursor. The cursor's row is
 * shown inverse with ›, and the session being written is marked •.
 */
export function sessionsPageLines(page: SessionsPage, table: readonly string[], size: PaneSize): string[] {
  const found = `${page.rows.length} saved${page.search ? `, holding ${quoted(page.search)}` : ''}`;
  const marked = page.rows.some((row) => row.id === page.current) ? '; • is this one' : '';
  const title =
    chalk.bold('Sessions') + chalk.dim(`  (${found}${marked})  ↑/↓ move  Enter resume  Esc close`);
  const room = Math.max(1, size.height - 1);
  const start = clamp(page.cursor - Math.floor(room / 2), 0, Math.max(0, table.length - room));
  const rows = table.slice(start, start + room).map((line, i) => {
    const at = start + i;
    const mark = `${at === page.cursor ? '›' : ' '}${page.rows[at]?.id === page.current ? '•' : ' '} `;
    return at === page.cursor ? chalk.inverse(mark + line) : mark + line;
  });
  return [title, ...rows];
}

/** /sessions: the saved sessions, in place of the panes until Enter resumes one or Esc closes it. */
export function SessionsView({ page, size }: { page: SessionsPage; size: PaneSize }) {
  const table = useMemo(() => sessionTable(page.rows, size.width - 3), [page.rows, size.width]);
  const lines = sessionsPageLines(page, table, size);
  return <Lines lines={lines} width={size.width} height={size.height} />;
}
