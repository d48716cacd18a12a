// The scenarios' names and help apart from their plans, so --help and flag checking load no
// offline corpus.

/** Every scenario the offline server can play, with a line of help for each. */
export const SCENARIOS = [
  {
    name: 'chat',
    summary: 'A plausible answer (the default); a thinking block first when the request enables thinking.',
  },
  {
    name: 'long',
    summary: 'A long answer of about 600 deltas; long:N sends exactly N text deltas (with max_tokens >= N).',
  },
  { name: 'thinking', summary: 'A thinking block (thinking deltas, then its signature), then the answer.' },
  {
    name: 'tool-use',
    summary:
      'A sentence, then a get_weather tool call whose input streams as JSON; a tool_result gets an answer.',
  },
  {
    name: 'server-tool',
    summary: 'A web_search server tool call, its results, and an answer with web citations.',
  },
  { name: 'refusal', summary: 'A few words, then stop_reason refusal.' },
  { name: 'max-tokens', summary: 'An answer longer than max_tokens, cut there with stop_reason max_tokens.' },
  { name: 'overloaded', summary: 'A few deltas, then an overloaded_error event mid-stream.' },
  {
    name: 'rate-limit',
    summary: 'HTTP 429 with retry-after on the first attempt; the retry gets an answer.',
  },
  {
    name: 'overloaded-529',
    summary: 'HTTP 529 overloaded_error on the first attempt; the retry gets an answer.',
  },
  { name: 'unauthorized', summary: 'HTTP 401 authentication_error, every time.' },
  { name: 'dropped', summary: 'The connection drops mid-stream, before message_stop.' },
  { name: 'no-stop', summary: 'A complete stream that ends cleanly without message_stop.' },
  { name: 'malformed', summary: 'One event mid-stream whose data line is not valid JSON.' },
  {
    name: 'unknown-event',
    summary: 'An event type, a block type and a delta type no SDK knows yet, beside normal text.',
  },
] as const satisfies readonly { name: string; summary: string }[];

export type ScenarioName = (typeof SCENARIOS)[number]['name'];

/** A scenario with its parameter, parsed from names like `chat` or `long:20000`. */
export type Scenario = { name: 'long'; deltas: number | null } | { name: Exclude<ScenarioName, 'long'> };

export function parseScenario(spec: string): Scenario | null {
  const [name, param, ...rest] = spec.split(':');
  const known = SCENARIOS.find((scenario) => scenario.name === name);
  if (!known || rest.length > 0) return null;
  if (known.name === 'long') {
    if (param === undefined) return { name: 'long', deltas: null };
    return /^[1-9]\d*$/.test(param) ? { name: 'long', deltas: Number(param) } : null;
  }
  return param === undefined ? { name: known.name } : null;
}

/** True for a scenario name, with a valid parameter where it takes one (`long:500`). */
export function isScenarioName(spec: string): boolean {
  return parseScenario(spec) !== null;
}
