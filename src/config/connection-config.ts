import { KEY_PIECE } from '../engine/redact.js';
import { isScenarioName } from '../offline/scenario-names.js';
import { replayScenario } from './replay-options.js';
import { quoted } from './shown.js';
import { UsageError } from './usage-error.js';

/** Where turns go: the real API, or the built-in offline one (and why). */
export type Connection =
  | { kind: 'live'; apiKey: string; baseURL?: string }
  | { kind: 'offline'; reason: 'flag' | 'no-key' | 'replay'; scenario?: string };

/** Where turns go, from --offline, --scenario, --replay, --base-url and the environment. */
export function parseConnection(
  values: { offline?: boolean; scenario?: string; replay?: string; 'base-url'?: string },
  env: Readonly<Record<string, string | undefined>>,
): Connection {
  const scenario = values.scenario;
  if (scenario !== undefined && !isScenarioName(scenario)) {
    throw new UsageError(`unknown scenario ${quoted(scenario)}`);
  }
  const replay = replayScenario(values.replay);
  if (replay !== undefined && scenario !== undefined) {
    throw new UsageError('--replay and --scenario both choose the answers: give one of them');
  }
  // Checked even offline: a URL that is wrong now is wrong when a key is set later.
  const baseURL =
    values['base-url'] !== undefined
      ? parseBaseURL('--base-url', values['base-url'])
      : parseBaseURL('ANTHROPIC_BASE_URL', env.ANTHROPIC_BASE_URL || undefined);
  // A recording needs no key: with one set, the replay is still what answers.
  if (replay !== undefined) return { kind: 'offline', reason: 'replay', scenario: replay };
  const apiKey = env.ANTHROPIC_API_KEY?.trim();
  if (values.offline || !apiKey) {
    const offline: Connection = { kind: 'offline', reason: values.offline ? 'flag' : 'no-key' };
    if (scenario !== undefined) offline.scenario = scenario;
    return offline;
  }
  if (scenario !== undefined) throw new UsageError('--scenario needs the offline API (--offline)');
  checkKey(apiKey);
  return baseURL ? { kind: 'live', apiKey, baseURL } : { kind: 'live', apiKey };
}

/**
 * Only http and https, written in printable ASCII: spaces and control characters, and bidi
 * controls (which reorder what the welcome prints), would reach the terminal. A host with
 * other letters is written in its punycode (`xn--…`) form.
 */
function parseBaseURL(source: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (/[^\x21-\x7e]/.test(value)) {
    throw new UsageError(
      `${source} must be printable ASCII, without spaces or control characters (write a host in its xn-- form), got ${quoted(value)}`,
    );
  }
  let protocol = '';
  try {
    protocol = new URL(value).protocol;
  } catch {}
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new UsageError(`${source} must be an http or https URL, got ${quoted(value)}`);
  }
  return value;
}

/**
 * A key too short to hide safely would turn ordinary words into [redacted] wherever they
 * appear (redaction hides any 20-character piece of the key); one with a space, a control
 * character or non-ASCII cannot be sent in a header. Neither is shown: it may be a real key.
 */
function checkKey(apiKey: string): void {
  const fix = 'check .env or your environment, or unset it to use the offline API';
  if (apiKey.length < KEY_PIECE) {
    throw new UsageError(
      `ANTHROPIC_API_KEY is ${apiKey.length} characters, too short to be a real key; ${fix}`,
    );
  }
  if (/[^\x21-\x7e]/.test(apiKey)) {
    throw new UsageError(`ANTHROPIC_API_KEY holds a space, a control character or non-ASCII; ${fix}`);
  }
}
