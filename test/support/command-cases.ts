import { describe, expect, it } from 'vitest';
import type { Command, CommandResult } from '../../src/commands/command.js';
import type { TurnSettings } from '../../src/engine/types.js';
import { commandBenches } from '../commands/command-context.js';

/** One behaviour of a command: the arguments it is given in turn, and what it returns for each. */
export interface CommandCase {
  /** What the command does here: the test's name. */
  does: string;
  /** The settings before the first call, over the tests' defaults. */
  settings?: Partial<TurnSettings>;
  /** Each argument text, and the result the command must return for it. */
  calls: Array<[args: string, result: CommandResult]>;
}

/**
 * A suite for `command`, one test per case, each on a fresh session: the setting commands differ
 * in their table, not in how they are tested. What a command does beyond its result (a turn it
 * changes, a check against another setting) stays in its own test file beside the table.
 */
export function commandCases(command: Command, cases: CommandCase[]): void {
  const bench = commandBenches();
  describe(`/${command.name}`, () => {
    for (const { does, settings, calls } of cases) {
      it(does, async () => {
        const b = await bench(settings ? { settings } : {});
        for (const [args, result] of calls) expect(await b.call(command, args)).toEqual(result);
      });
    }
  });
}
