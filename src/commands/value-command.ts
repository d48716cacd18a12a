import type { TurnSettings } from '../engine/types.js';
import type { Session } from '../session/session.js';
import { type Command, type CommandResult, error, isError, parsed } from './command.js';

/**
 * A command that takes one value: /model, /mouse, /scenario and the like. Its own parts are
 * how it reads its argument, what rules the value out, and what it does with it; trimming,
 * refusing and turning a bad value into an error result are the same for all.
 */
export interface ValueCommand<T extends string | number | boolean | undefined> {
  name: string;
  args: string;
  summary: string;
  /** The answer to a bare command, for one that needs a value (it names the one in use). */
  missing?(session: Session): string;
  /** The value from the trimmed argument; a bad one throws UsageError, as config's parsers do. */
  parse(argument: string, session: Session): T;
  /** Why the rest of the state rules this value out, naming the fix; null when it doesn't. */
  refuse?(value: T, session: Session): string | null;
  apply(value: T, session: Session): CommandResult;
}

export function valueCommand<T extends string | number | boolean | undefined>(
  command: ValueCommand<T>,
): Command {
  const { name, args, summary } = command;
  return {
    name,
    args,
    summary,
    run({ session }, text) {
      const argument = text.trim();
      if (!argument && command.missing) return error(command.missing(session));
      const value = parsed(() => command.parse(argument, session));
      if (isError(value)) return value;
      const problem = command.refuse?.(value, session);
      return problem ? error(problem) : command.apply(value, session);
    },
  };
}

type SettingValue<K extends keyof TurnSettings> = TurnSettings[K] & (string | number | undefined);

/** A value command that sets one turn setting for the next turns, and says so. */
export interface Setting<K extends keyof TurnSettings>
  extends Omit<ValueCommand<SettingValue<K>>, 'missing' | 'refuse' | 'apply'> {
  key: K;
  missing?(settings: TurnSettings): string;
  refuse?(value: SettingValue<K>, settings: TurnSettings): string | null;
  /** The toast once set, e.g. "Model: claude-opus-4-1". */
  said(value: SettingValue<K>): string;
}

export function settingCommand<K extends keyof TurnSettings>(setting: Setting<K>): Command {
  const { name, args, summary, key, parse, missing, refuse, said } = setting;
  return valueCommand<SettingValue<K>>({
    name,
    args,
    summary,
    parse,
    ...(missing && { missing: (session) => missing(session.state.settings) }),
    ...(refuse && { refuse: (value, session) => refuse(value, session.state.settings) }),
    apply: (value) => ({ kind: 'settings', change: { [key]: value }, text: said(value) }),
  });
}
