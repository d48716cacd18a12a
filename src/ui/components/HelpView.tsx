import chalk from 'chalk';
import { COMMANDS } from '../../commands/index.js';
import { KEYS } from '../keys.js';
import type { PaneSize } from '../layout/screen-layout.js';
import { Lines } from './Lines.js';

/** Keys and commands, in place of the conversation until Esc. */
export function HelpView({ size }: { size: PaneSize }) {
  const keyWidth = Math.max(...KEYS.map(([key]) => key.length)) + 2;
  const commandWidth = Math.max(...COMMANDS.map((c) => `/${c.name} ${c.args ?? ''}`.length)) + 2;
  const lines = [
    chalk.bold('Keys') + chalk.dim('  (Esc closes)'),
    ...KEYS.map(([key, what]) => `  ${chalk.cyan(key.padEnd(keyWidth))}${what}`),
    '',
    chalk.bold('Commands'),
    ...COMMANDS.map((c) => `  ${chalk.cyan(`/${c.name} ${c.args ?? ''}`.padEnd(commandWidth))}${c.summary}`),
  ];
  return <Lines lines={lines.slice(0, size.height)} width={size.width} height={size.height} />;
}
