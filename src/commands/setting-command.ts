import type { TurnSettings } from '../engine/types.js';
import { type Command, error, isError, parsed } from './command.js';

/**
 * A command that sets one turn setting for the next turns. Its own parts are how it reads its
 * argument, what rules the value out given the other settings, and what it says; reading,
 * refusing and the result are the same for every such command.
 */
export interface Setting<K extends keyof TurnSettings> {
  name: string;
  args: string;
  summary: string;
  key: K;
  /** The value from the trimmed argument; a bad one throws UsageError, as config's parsers do. */
  parse(value: string): TurnSettings[K];
  /** The answer to a bare command, for a setting that needs a value (it names the one in use). */
  missing?(settings: TurnSettings): string;
  /** Why the other settings rule this value out, naming the fix; null when they don't. */
  refuse?(value: TurnSettings[K], settings: TurnSettings): string | null;
  /** The toast once set, e.g. "Model: claude-opus-4-1". */
  said(value: TurnSettings[K]): string;
}

export function settingCommand<K extends keyof TurnSettings>(setting: Setting<K>): Command {
  const { name, args, summary, key } = setting;
  return {
    name,
    args,
    summary,
    run({ session }, text) {
      const settings = session.state.settings;
      const argument = text.trim();
      if (!argument && setting.missing) return error(setting.missing(settings));
      const value = parsed(() => setting.parse(argument) as string | number | undefined);
      if (isError(value)) return value;
      const problem = setting.refuse?.(value as TurnSettings[K], settings);
      if (problem) return error(problem);
      const change: Partial<TurnSettings> = { [key]: value };
      return { kind: 'settings', change, text: setting.said(value as TurnSettings[K]) };
    },
  };
}
