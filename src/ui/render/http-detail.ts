import chalk from 'chalk';
import type { HttpAttempt, HttpRequest } from '../../engine/types.js';
import type { HttpRowRef } from '../../store/session-state.js';
import { neutralize } from '../../terminal/neutralize.js';
import { formatBytes, formatMs, formatOffset } from '../format.js';
import type { DetailContent } from './detail-content.js';
import { jsonColored, prettyJson } from './pretty-json.js';
import { wrap } from './wrap.js';

/**
 * An HTTP row in full. A request shows its method, URL, headers and the body as sent,
 * pretty-printed; a retry leads with its attempt, why it was made and how long it waited; a
 * response shows its status, request id and headers. The key was hidden when the request was
 * captured (engine/redact-request.ts); what came from the network is made safe here.
 */
export function httpDetail(attempts: readonly HttpAttempt[], ref: HttpRowRef): DetailContent | null {
  const at = attempts.findIndex((a) => a.attempt === ref.attempt);
  const attempt = attempts[at];
  if (!attempt) return null;
  if (ref.part === 'response') return responseDetail(attempt);
  const before = attempts[at - 1];
  const lines = [
    ...(attempt.attempt > 0 ? retryLines(attempt, before) : []),
    ...requestHead(attempt.request),
  ];
  const request = attempt.request;
  const name = attempt.attempt === 0 ? 'request' : 'retry';
  return {
    title: [
      `${name} · attempt ${attempt.attempt + 1}`,
      request ? `${request.method} ${pathOf(request.url)}` : undefined,
      `${formatOffset(attempt.sentAt)} ms`,
      request?.body ? `${formatBytes(Buffer.byteLength(request.body))} body` : undefined,
    ]
      .filter(Boolean)
      .join(' · '),
    body: (width) => [...wrap(lines.join('\n'), width), ...(request ? prettyBody(request, width) : [])],
  };
}

function retryLines(attempt: HttpAttempt, before: HttpAttempt | undefined): string[] {
  const reason = before ? outcome(before) : 'unknown';
  const answered = before ? (before.respondedAt ?? before.sentAt) : undefined;
  const waited = answered === undefined ? undefined : `waited ${formatMs(attempt.sentAt - answered)}`;
  const asked =
    before?.retryAfterMs !== undefined ? `the server asked for ${formatMs(before.retryAfterMs)}` : undefined;
  return [
    `attempt ${attempt.attempt + 1} (retry ${attempt.attempt}), because attempt ${attempt.attempt} got: ${reason}`,
    `wait: ${[waited, asked].filter(Boolean).join('; ') || 'unknown'}`,
    '',
  ];
}

function requestHead(request: HttpRequest | undefined): string[] {
  if (!request) return ['(the request was not recorded)'];
  return [
    `${request.method} ${neutralize(request.url)}`,
    '',
    chalk.bold('headers'),
    ...headerLines(request.headers),
    '',
    chalk.bold('body') + chalk.dim(' (as sent, pretty-printed)'),
  ];
}

function responseDetail(attempt: HttpAttempt): DetailContent | null {
  if (attempt.respondedAt === undefined && attempt.failure === undefined) return null;
  const lines = [
    outcome(attempt),
    `request-id: ${attempt.requestId ? neutralize(attempt.requestId) : '(none)'}`,
    ...(attempt.retryAfterMs !== undefined ? [`retry-after: ${formatMs(attempt.retryAfterMs)}`] : []),
    `answered ${formatMs((attempt.respondedAt ?? attempt.sentAt) - attempt.sentAt)} after the request went out`,
    '',
    chalk.bold('headers'),
    ...(attempt.responseHeaders ? headerLines(attempt.responseHeaders) : ['  (none)']),
  ];
  const status = attempt.status !== undefined ? `HTTP ${attempt.status}` : 'failed';
  return {
    title: `response · attempt ${attempt.attempt + 1} · ${status} · ${formatOffset(attempt.respondedAt ?? attempt.sentAt)} ms`,
    body: (width) => wrap(lines.join('\n'), width),
  };
}

/** What an attempt got: its status, or why it failed (the failure comes from the network). */
function outcome(attempt: HttpAttempt): string {
  const failure = attempt.failure !== undefined ? `failed: ${neutralize(attempt.failure)}` : undefined;
  const status = attempt.status !== undefined ? `HTTP ${attempt.status}` : undefined;
  return [status, failure].filter(Boolean).join(' · ') || 'no answer yet';
}

function headerLines(headers: HttpRequest['headers']): string[] {
  return headers.map(([name, value]) => `  ${neutralize(name)}: ${neutralize(value)}`);
}

function pathOf(url: string): string {
  try {
    return neutralize(new URL(url).pathname);
  } catch {
    return neutralize(url);
  }
}

/** The last body laid out: a large prompt's body is parsed and highlighted once, not per frame. */
let laidOut: { request: HttpRequest; width: number; colored: boolean; lines: string[] } | null = null;

function prettyBody(request: HttpRequest, width: number): string[] {
  const colored = jsonColored();
  if (laidOut?.request === request && laidOut.width === width && laidOut.colored === colored)
    return laidOut.lines;
  const lines = wrap(prettyJson(parseJson(request.body), request.body), width);
  laidOut = { request, width, colored, lines };
  return lines;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
