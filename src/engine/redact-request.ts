import { REDACTED } from './key-pattern.js';
import type { HttpRequest } from './types.js';

/** Headers that carry credentials: their whole value is hidden, whatever the credential is. */
const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set([
  'x-api-key',
  'authorization',
  'proxy-authorization',
]);

/**
 * Headers with every credential header's value hidden, whoever's it is (a saved file keeps
 * no credential, not even the offline server's token).
 */
export function withoutCredentials(
  headers: ReadonlyArray<readonly [string, string]>,
): Array<readonly [string, string]> {
  return headers.map(([name, value]) => [name, CREDENTIAL_HEADERS.has(name) ? REDACTED : value] as const);
}

/** What a request the SDK sends looks like to its middleware. */
export interface SentRequest {
  method?: string | undefined;
  url: string;
  headers: Headers;
  body?: unknown;
}

/**
 * The request as it went out, with the credential headers hidden and every piece of the key
 * hidden elsewhere (`hide` is the turn's redactor). Nothing else changes: the body is the one
 * string the SDK sent, kept as is when the key is not in it. Without a key (`hide` null, the
 * offline API) nothing is hidden: its token is random and good for that server only.
 */
export function captureRequest(request: SentRequest, hide: ((text: string) => string) | null): HttpRequest {
  const text = hide ?? ((same: string) => same);
  return new CapturedRequest(
    request.method ?? 'GET',
    text(request.url),
    captureHeaders(request.headers, hide),
    typeof request.body === 'string' ? text(request.body) : describeBody(request.body),
  );
}

/** Headers as name and value, credentials hidden as in captureRequest; also for a response's. */
export function captureHeaders(
  headers: Headers,
  hide: ((text: string) => string) | null,
): Array<readonly [string, string]> {
  const captured: Array<readonly [string, string]> = [];
  headers.forEach((value, name) => {
    captured.push([name, !hide ? value : CREDENTIAL_HEADERS.has(name) ? REDACTED : hide(value)]);
  });
  return captured;
}

function describeBody(body: unknown): string {
  if (body === undefined || body === null) return '';
  return `(a ${body.constructor?.name ?? typeof body} body, not shown)`;
}

/**
 * A class, not a plain object: the turn's redactor walks every plain object of an update for
 * the key, and a request is redacted once, here, rather than its body scanned again on each
 * update that carries its attempt.
 */
class CapturedRequest implements HttpRequest {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly headers: ReadonlyArray<readonly [string, string]>,
    readonly body: string,
  ) {}
}
