import { type ParseArgsConfig, parseArgs } from 'node:util';
import { describeParseError } from './config.js';
import { shown } from './shown.js';
import { UsageError } from './usage-error.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * A subcommand's flags (`streambook sessions …`, `serve …`, `tap …`): strict, no arguments
 * besides them; a bad one throws UsageError with one short line, and `hint` says what to do instead.
 */
export function subcommandFlags<const O extends Options>(
  command: string,
  argv: readonly string[],
  options: O,
  hint: string,
) {
  let parsed: ReturnType<typeof parse<O>>;
  try {
    parsed = parse(argv, options);
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
  const extra = parsed.positionals[0];
  if (extra !== undefined) throw new UsageError(`${command} takes no argument ${shown(extra)}; ${hint}`);
  return parsed.values;
}

function parse<const O extends Options>(argv: readonly string[], options: O) {
  return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
}
