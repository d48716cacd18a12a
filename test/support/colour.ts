import chalk from 'chalk';
import { afterAll, beforeAll } from 'vitest';

/**
 * Colours on for the tests of the enclosing describe, as in a terminal (vitest's output is no
 * TTY, so chalk starts with none): what a test reads may be styled, the cursor in inverse.
 */
export function withColour(): void {
  let saved: typeof chalk.level;
  beforeAll(() => {
    saved = chalk.level;
    chalk.level = 1;
  });
  afterAll(() => {
    chalk.level = saved;
  });
}
