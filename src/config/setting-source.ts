/** The settings /settings reports, each with where its value came from. */
export type SettingName =
  | 'model'
  | 'maxTokens'
  | 'system'
  | 'temperature'
  | 'thinkingBudget'
  | 'mode'
  | 'endpoint';

/** Where a setting's value came from: a flag, the environment, `.env`, the default, or a /command. */
export type SettingSource =
  | { kind: 'flag' | 'env' | '.env' | 'command' | 'session'; name: string }
  | { kind: 'default' };

export type SettingSources = Record<SettingName, SettingSource>;

export const DEFAULT_SOURCES: SettingSources = {
  model: { kind: 'default' },
  maxTokens: { kind: 'default' },
  system: { kind: 'default' },
  temperature: { kind: 'default' },
  thinkingBudget: { kind: 'default' },
  mode: { kind: 'default' },
  endpoint: { kind: 'default' },
};

/** "--model", "env STREAMBOOK_MODEL", ".env STREAMBOOK_MODEL", "default", "/model". */
export function describeSource(source: SettingSource): string {
  switch (source.kind) {
    case 'flag':
    case 'command':
      return source.name;
    case 'env':
    case '.env':
    case 'session':
      return `${source.kind} ${source.name}`;
    case 'default':
      return 'default';
  }
}

type Flags = Partial<Record<string, string | boolean>>;
type Env = Readonly<Record<string, string | undefined>>;

/**
 * Where each setting came from, by the rule resolveConfig reads them with: a flag wins over
 * the environment, and an empty variable counts as unset. `dotenv` names the variables that
 * `.env` filled in (it never overrides the environment).
 */
export function settingSources(values: Flags, env: Env, dotenv: ReadonlySet<string>): SettingSources {
  const from = (flag: string, variable?: string): SettingSource => {
    if (values[flag] !== undefined) return { kind: 'flag', name: `--${flag}` };
    if (variable === undefined || !env[variable]) return { kind: 'default' };
    return { kind: dotenv.has(variable) ? '.env' : 'env', name: variable };
  };
  const offline = values.offline === true;
  const live = !offline && Boolean(env.ANTHROPIC_API_KEY?.trim());
  return {
    model: from('model', 'STREAMBOOK_MODEL'),
    maxTokens: from('max-tokens', 'STREAMBOOK_MAX_TOKENS'),
    system: from('system', 'STREAMBOOK_SYSTEM'),
    temperature: from('temperature'),
    thinkingBudget: from('thinking'),
    mode: from('mode'),
    // Offline with no key is the default; live, the base URL is what was chosen.
    endpoint: offline
      ? { kind: 'flag', name: '--offline' }
      : live
        ? from('base-url', 'ANTHROPIC_BASE_URL')
        : { kind: 'default' },
  };
}
