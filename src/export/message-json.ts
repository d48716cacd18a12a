import type { Message, TurnError, TurnStatus } from '../engine/types.js';

/** Why a turn did not complete, as JSON output gives it beside the partial message. */
export interface ErrorJson {
  /** streambook's kind of failure (http, stream_error, connection, …), or "interrupted". */
  kind: TurnError['kind'] | 'interrupted';
  /** The API's error type, e.g. overloaded_error, when it named one. */
  type?: string;
  message: string;
  status?: number;
  request_id?: string;
}

/** A message as JSON output gives it: the API's fields, then what streambook knows about its end. */
export type MessageJson = Partial<Message> & { error?: ErrorJson; usage_incomplete?: true };

/**
 * The one JSON shape for a turn, in print mode's --output-format json, /copy and /save: the
 * message as the API built it, plus `error` when the turn failed or was interrupted, plus
 * `usage_incomplete: true` when the final usage never came (its output_tokens is then only
 * message_start's placeholder). A complete turn gives the message exactly. Null when there is
 * nothing to say.
 */
export function outcomeJson(
  message: Message | null,
  status: TurnStatus,
  error: TurnError | null | undefined,
  usageFinal: boolean,
): MessageJson | null {
  const failure = errorJson(status, error);
  if (!message && !failure) return null;
  const json: MessageJson = { ...message };
  if (failure) json.error = failure;
  if (message && !usageFinal) json.usage_incomplete = true;
  return json;
}

function errorJson(status: TurnStatus, error: TurnError | null | undefined): ErrorJson | null {
  if (status === 'interrupted') return { kind: 'interrupted', message: 'interrupted' };
  if (status !== 'failed') return null;
  if (!error) return { kind: 'incomplete', message: 'the turn failed' };
  return {
    kind: error.kind,
    ...(error.errorType !== undefined ? { type: error.errorType } : {}),
    message: error.message,
    ...(error.status !== undefined ? { status: error.status } : {}),
    ...(error.requestId !== undefined ? { request_id: error.requestId } : {}),
  };
}
