import type { ServerResponse } from 'node:http';
import { type ApiError, errorBody, statusOf } from './errors.js';

/** Every JSON answer carries its request-id in a header too, as the API's do. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  requestId: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': requestId, ...headers });
  res.end(JSON.stringify(body));
}

export function sendError(
  res: ServerResponse,
  requestId: string,
  error: ApiError,
  headers: Record<string, string> = {},
): void {
  sendJson(res, statusOf(error.type), errorBody(error, requestId), requestId, headers);
}
