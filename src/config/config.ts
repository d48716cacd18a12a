import { parseArgs } from 'node:util';
import { DEFAULT_IDLE_TIMEOUT_MS } from '../engine/idle-watchdog.js';
import type { StreamMode, TurnSettings } from '../engine/types.js';
import { type Connection, parseConnection } from './connection-config.js';
import { DEFAULT_MAX_TOKENS, DEFAULT_MODEL } from './defaults.js';
import { REPLAY_FLAGS, replaySpeed } from './replay-options.js';
import { SESSION_FLAGS, type SessionOptions, sessionOptions } from './session-options.js';
import { type SettingSources, settingSources } from './setting-source.js';
import { quoted, shown } from './shown.js';
import { UsageError } from './usage-error.js';

export const OUTPUT_FORMATS = ['text', 'json', 'stream-json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export { type Connection, UsageError };

export interface Config {
  settings: TurnSettings;
  /** Where each setting came from, for /settings. */
  sources: SettingSources;
  maxRetries?: number;
  /** No byte for this long ends a turn; 0 turns the limit off. */
  idleTimeoutMs: number;
  connection: Connection;
  print: boolean;
  outputFormat: OutputFormat;
  prompt?: string;
  help: boolean;
  version: boolean;
  /** Mouse capture in the notebook (the wheel scrolls); --no-mouse leaves the mouse to the terminal. */
  mouse: boolean;
  /** Saving and resuming sessions (--state-dir, --no-save, --continue, --resume). */
  sessions: SessionOptions;
  /** How fast replays run against their recorded times (--speed; 1 as recorded). */
  replaySpeed: number;
}

const OPTIONS = {
  print: { type: 'boolean', short: 'p' },
  'output-format': { type: 'string' },
  model: { type: 'string', short: 'm' },
  'max-tokens': { type: 'string' },
  system: { type: 'string' },
  temperature: { type: 'string' },
  thinking: { type: 'string' },
  'max-retries': { type: 'string' },
  'idle-timeout': { type: 'string' },
  mode: { type: 'string' },
  offline: { type: 'boolean' },
  scenario: { type: 'string' },
  'base-url': { type: 'string' },
  'no-mouse': { type: 'boolean' },
  ...SESSION_FLAGS,
  ...REPLAY_FLAGS,
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * Flags override the environment, which `.env` fills in without overriding (dotenv's rule,
 * applied before this runs; `dotenv` names the variables it filled in). Pure: argv and env
 * in, a checked Config out.
 */
export function resolveConfig(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  dotenv: ReadonlySet<string> = new Set(),
): Config {
  const { values, positionals } = parseFlags(argv);
  // A bad value is named where it came from: the flag, or the variable.
  const maxTokens =
    values['max-tokens'] !== undefined
      ? positiveInt('--max-tokens', values['max-tokens'], DEFAULT_MAX_TOKENS)
      : positiveInt('STREAMBOOK_MAX_TOKENS', env.STREAMBOOK_MAX_TOKENS, DEFAULT_MAX_TOKENS);
  const model =
    values.model !== undefined
      ? modelName('--model', values.model)
      : modelName('STREAMBOOK_MODEL', env.STREAMBOOK_MODEL);
  const settings: TurnSettings = {
    model: model ?? DEFAULT_MODEL,
    maxTokens,
    system: values.system ?? (env.STREAMBOOK_SYSTEM || undefined),
    temperature: parseTemperature(values.temperature),
    thinkingBudget: parseThinking(values.thinking, maxTokens),
    mode: parseMode(values.mode),
  };
  const outputFormat = parseOutputFormat(values['output-format']);
  if (values['output-format'] !== undefined && !values.print) {
    throw new UsageError('--output-format works only in print mode (-p)');
  }
  const config: Config = {
    settings,
    sources: settingSources(values, env, dotenv),
    connection: parseConnection(values, env),
    idleTimeoutMs:
      values['idle-timeout'] !== undefined
        ? idleTimeoutMs('--idle-timeout', values['idle-timeout'])
        : idleTimeoutMs('STREAMBOOK_IDLE_TIMEOUT', env.STREAMBOOK_IDLE_TIMEOUT),
    print: values.print ?? false,
    outputFormat,
    help: values.help ?? false,
    version: values.version ?? false,
    mouse: !values['no-mouse'],
    sessions: sessionOptions(values, env),
    replaySpeed: replaySpeed(values.speed),
  };
  if (values['max-retries'] !== undefined)
    config.maxRetries = nonNegativeInt('--max-retries', values['max-retries']);
  if (positionals.length > 0) config.prompt = positionals.join(' ');
  return config;
}

function parseFlags(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
}

/** node's messages are long and suggest `--`; say the same thing in one short line. */
export function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option ${shown(unknown[1] ?? '')}`;
  const missing = /Option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/.exec(message);
  if (missing) return `${missing[1]} needs a value`;
  const dashed = /Option '(?:-\w, )?(--[\w-]+)[^']*' argument is ambiguous/.exec(message);
  if (dashed) return `${dashed[1]} needs a value (write ${dashed[1]}=-1 for a value that starts with a dash)`;
  return shown(message.split('\n')[0] ?? message);
}

/** A model name is one word of printable characters; anything else is a mistake or a trap. */
export function modelName(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const name = value.trim();
  if (name === '') throw new UsageError(`${flag} must not be empty`);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (/[\s\u0000-\u001f\u007f-\u009f]/.test(name)) {
    throw new UsageError(`${flag} must be a model name without spaces or control characters`);
  }
  return name;
}

export function positiveInt(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = wholeNumber(value);
  if (n === null || n < 1)
    throw new UsageError(`${flag} must be a whole number of 1 or more, got ${quoted(value)}`);
  return n;
}

function nonNegativeInt(flag: string, value: string): number {
  const n = wholeNumber(value);
  if (n === null) {
    throw new UsageError(`${flag} must be a whole number of 0 or more, got ${quoted(value)}`);
  }
  return n;
}

export function parseTemperature(value: string | undefined, label = '--temperature'): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new UsageError(`${label} must be a number from 0 to 1, got ${quoted(value)}`);
  }
  return n;
}

/** The API wants a budget of at least 1024 tokens, below max_tokens. */
export function parseThinking(
  value: string | undefined,
  maxTokens: number,
  label = '--thinking',
): number | undefined {
  if (value === undefined || value === 'off') return undefined;
  const n = wholeNumber(value);
  if (n === null || n < 1024) {
    throw new UsageError(`${label} must be 'off' or a token budget of 1024 or more, got ${quoted(value)}`);
  }
  if (n >= maxTokens)
    throw new UsageError(`${label} budget ${n} must be less than max tokens (${maxTokens})`);
  return n;
}

export function parseMode(value: string | undefined, label = '--mode'): StreamMode {
  if (value === undefined || value === 'helper' || value === 'raw') return value ?? 'helper';
  throw new UsageError(`${label} must be 'helper' or 'raw', got ${quoted(value)}`);
}

function parseOutputFormat(value: string | undefined): OutputFormat {
  if (value === undefined) return 'text';
  if ((OUTPUT_FORMATS as readonly string[]).includes(value)) return value as OutputFormat;
  throw new UsageError(`--output-format must be one of ${OUTPUT_FORMATS.join(', ')}, got ${quoted(value)}`);
}

/** Seconds as a plain decimal (0.5, 90); unset or empty means the default. */
function idleTimeoutMs(label: string, value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_IDLE_TIMEOUT_MS;
  // A day at most: timers take no more than 2^31 ms, and a longer limit is no limit.
  if (!/^\d{1,5}(\.\d{1,3})?$/.test(value) || Number(value) > 86_400) {
    throw new UsageError(`${label} must be seconds from 0 to 86400 (0 turns it off), got '${value}'`);
  }
  return Math.round(Number(value) * 1000);
}

/** Plain decimal digits within the safe integers; Number() would also take 0x10, 1e3 and " 5". */
function wholeNumber(value: string): number | null {
  return /^\d{1,15}$/.test(value) ? Number(value) : null;
}
