import chalk from 'chalk';
import { neutralize } from '../../terminal/neutralize.js';

/**
 * What the conversation pane shows before the first prompt. Each hint is a line of its own,
 * short enough for a pane beside the timeline: a long one wrapped and left a word alone.
 */
export function welcomeLines(describe: string): string[] {
  return [
    chalk.bold('streambook') + chalk.dim(' · a notebook for the streaming Messages API'),
    '',
    'Type a prompt and press Enter. Each prompt becomes a numbered cell; the reply streams into it, and the timeline shows every event on the wire with its timing.',
    '',
    chalk.dim(neutralize(describe)),
    chalk.dim('/help lists keys and commands'),
    chalk.dim('/scenario tries the protocol corners offline'),
  ];
}
