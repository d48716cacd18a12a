import type { MessageCreateParamsBase } from '@anthropic-ai/sdk/resources/messages';
import type { StreamMode } from '../engine/types.js';
import type { Cell } from '../store/cell.js';
import { escapedForSource } from './code-literal.js';

/** Where the Messages API is, for a request first sent to the offline API. */
export const API_URL = 'https://api.anthropic.com/v1/messages';

/** The API version for a request that names none. */
const DEFAULT_VERSION = '2023-06-01';

/**
 * The body fields the SDK's request type lists: the compiler requires every one and refuses
 * any other, so an SDK update that adds or drops one shows up here. A snippet passes these as
 * the SDK's own parameters, and any other field (`temperature`, which the types dropped) in a
 * way the SDK sends as is, so the snippet type-checks and still sends the whole request.
 */
const SDK_FIELDS: Record<keyof MessageCreateParamsBase, true> = {
  model: true,
  max_tokens: true,
  messages: true,
  cache_control: true,
  container: true,
  diagnostics: true,
  inference_geo: true,
  metadata: true,
  output_config: true,
  service_tier: true,
  speed: true,
  stop_sequences: true,
  stream: true,
  system: true,
  thinking: true,
  tool_choice: true,
  tools: true,
  user_profile_id: true,
  workspace_id: true,
};

export function isSdkField(name: string): boolean {
  return Object.hasOwn(SDK_FIELDS, name);
}

/** A cell's request, as the code snippets need it. */
export interface CodeRequest {
  cell: number;
  mode: StreamMode;
  /** The body exactly as sent (controls escaped, which JSON reads back the same), for curl. */
  body: string;
  /**
   * The body's fields in the order they were sent, `stream` left out: the helper adds it, and
   * raw mode's snippets say it where the SDK's types want it. `messages` is the whole history.
   */
  fields: Array<[name: string, value: unknown]>;
  /** The `messages` field: the history and the prompt. */
  messages: unknown[];
  /** Where the request goes: the live endpoint it went to, or the API's for a simulated one. */
  url: string;
  /** The client's base URL when it is not the API's own (a proxy, a gateway); else null. */
  baseURL: string | null;
  /** True when the offline API answered: the snippet sends the same request to the real one. */
  simulated: boolean;
  /** The API version the request asked for (the SDK's own), for a client that names none itself. */
  version: string;
}

/**
 * Cell n's request as its first attempt sent it, with the history, or why there is none: one
 * line that says what to do instead.
 */
export function codeRequest(cell: Cell): CodeRequest | string {
  const request = cell.attempts[0]?.request;
  if (!request)
    return `cell ${cell.id} has no recorded request (it failed before sending); pick another cell`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.body);
  } catch {
    parsed = null;
  }
  if (!isRequestBody(parsed)) return `cell ${cell.id}'s recorded request is not a Messages request body`;
  const simulated = cell.scenario !== null;
  const url = simulated ? API_URL : liveUrl(request.url);
  return {
    cell: cell.id,
    mode: cell.settings.mode,
    body: escapedForSource(request.body),
    fields: Object.entries(parsed).filter(([name]) => name !== 'stream'),
    messages: parsed.messages,
    url,
    baseURL: url === API_URL ? null : url.replace(/\/v1\/messages$/, ''),
    simulated,
    version: apiVersion(request.headers),
  };
}

/** The anthropic-version header the request carried, when it is a plain version name. */
function apiVersion(headers: ReadonlyArray<readonly [string, string]>): string {
  const sent = headers.find(([name]) => name === 'anthropic-version')?.[1] ?? '';
  return /^[\w.-]{1,40}$/.test(sent) ? sent : DEFAULT_VERSION;
}

function isRequestBody(value: unknown): value is Record<string, unknown> & { messages: unknown[] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { model?: unknown }).model === 'string' &&
    Array.isArray((value as { messages?: unknown }).messages)
  );
}

/**
 * The live endpoint, without its query, and without any user and password in it (a proxy's
 * credentials are as private as the key). Parsing also percent-encodes what a shell or a
 * terminal could take for more than a URL.
 */
function liveUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    parsed.hash = '';
    return parsed.href;
  } catch {
    return API_URL;
  }
}

/** What one language writes for each part of a snippet; `writeSnippet` puts them in order. */
export interface SnippetParts {
  comment: '//' | '#';
  /** What the opening comment says the snippet needs to run. */
  needs: string;
  /** The imports, the client and the history. */
  setup: string[];
  /** The call and what it prints, as the cell's mode made it. */
  call: string[];
}

/**
 * A snippet: an opening comment (which cell, whether it was simulated, what it needs), then
 * the language's setup and call.
 */
export function writeSnippet(request: CodeRequest, { comment, needs, setup, call }: SnippetParts): string {
  const about = [
    `Cell ${request.cell} of a streambook session, in ${request.mode} mode: its request, history and all.`,
    ...(request.simulated
      ? ['It was answered by the offline API; this sends the same request to the real one.']
      : []),
    ...(needs ? [needs] : []),
  ];
  return [...about.map((line) => `${comment} ${line}`), ...setup, '', ...call, ''].join('\n');
}

/** The first lines of a snippet, for the toast that says it was copied. */
export function snippetPreview(snippet: string, lines = 3): string {
  return snippet
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^\s*(#|\/\/)/.test(line))
    .slice(0, lines)
    .join(' ⏎ ');
}
