import chalk from 'chalk';
import { isSendable } from '../../engine/history.js';
import { metricsLine } from '../../export/metrics-line.js';
import type { Cell } from '../../store/cell.js';
import { neutralize } from '../../terminal/neutralize.js';
import { wrap } from './wrap.js';

export { metricsLine };

/** The lines under a cell's reply: notes, the error, interrupted, replaced, and its metrics. */
export function statusLines(cell: Cell, width: number): string[] {
  const lines: string[] = [];
  const unsent = [...new Set(cell.blocks.map((b) => b.type).filter((type) => !isSendable(type)))];
  if (unsent.length > 0) {
    // Said once per cell, however many such blocks: the history leaves them out (see history.ts).
    const note = `ⓘ not sent back to the API, which refuses block types it does not know: ${unsent.join(', ')}`;
    lines.push(...wrap(neutralize(note), width).map((line) => chalk.dim(line)));
  }
  if (cell.status === 'failed' && cell.error) {
    lines.push(...wrap(neutralize(`✗ ${cell.error.message}`), width).map((line) => chalk.red(line)));
  }
  if (cell.status === 'interrupted') lines.push(chalk.yellow('⏸ interrupted'));
  if (cell.replacedBy !== null) lines.push(chalk.dim(`↻ replaced by [${cell.replacedBy}]`));
  if (cell.metrics && cell.status !== 'streaming')
    lines.push(...wrap(metricsLine(cell), width).map((line) => chalk.dim(line)));
  return lines;
}
