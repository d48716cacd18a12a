import chalk from 'chalk';
import type { TextPage } from '../../store/session-state.js';
import { pageKeysHint } from '../input/key-hints.js';
import type { PaneSize } from '../render/screen-layout.js';
import { wrap } from '../render/wrap.js';
import { Lines } from './Lines.js';

/** A page's title and lines at a width; a wrapped line keeps its indent. */
export function textPageLines(page: TextPage, width: number): string[] {
  const body = page.lines.flatMap((line) => wrap(line, width));
  return [chalk.bold(page.title) + chalk.dim(`  ${pageKeysHint()}`), ...body];
}

/** A page of text (what /settings shows), in place of the conversation until Esc. */
export function TextPageView({
  page,
  size,
  scroll = 0,
}: {
  page: TextPage;
  size: PaneSize;
  scroll?: number;
}) {
  const lines = textPageLines(page, size.width);
  const start = Math.max(0, Math.min(scroll, lines.length - size.height));
  return <Lines lines={lines.slice(start, start + size.height)} width={size.width} height={size.height} />;
}
