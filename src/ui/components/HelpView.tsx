import chalk from 'chalk';
import { COMMANDS } from '../../commands/index.js';
import { helpRows } from '../input/key-dispatch.js';
import { pageKeysHint } from '../input/key-hints.js';
import { clamp } from '../render/clamp.js';
import type { PaneSize } from '../render/screen-layout.js';
import { wrap } from '../render/wrap.js';
import { Lines } from './Lines.js';

/** Keys and commands as lines at a width, each description wrapped under its own column. */
export function helpLines(width: number): string[] {
  const keys = helpRows();
  const keyWidth = Math.max(...keys.map((row) => row.keys.length)) + 2;
  const commandWidth = Math.max(...COMMANDS.map((c) => `/${c.name} ${c.args ?? ''}`.length)) + 2;
  const entry = (name: string, column: number, what: string) => {
    const room = Math.max(10, width - 2 - column);
    return wrap(what, room).map(
      (line, i) => `  ${i === 0 ? chalk.cyan(name.padEnd(column)) : ' '.repeat(column)}${line}`,
    );
  };
  return [
    chalk.bold('Keys') + chalk.dim(`  ${pageKeysHint()}`),
    ...keys.flatMap((row) => entry(row.keys, keyWidth, row.help)),
    '',
    chalk.bold('Commands'),
    ...COMMANDS.flatMap((c) => entry(`/${c.name} ${c.args ?? ''}`, commandWidth, c.summary)),
  ];
}

/** Keys and commands, in place of the conversation until Esc. */
export function HelpView({ size, scroll = 0 }: { size: PaneSize; scroll?: number }) {
  const lines = helpLines(size.width);
  const start = clamp(scroll, 0, lines.length - size.height);
  return <Lines lines={lines.slice(start, start + size.height)} width={size.width} height={size.height} />;
}
