/** One server-sent event before framing. A string `data` goes on the wire as is; a null `event` has no name. */
export interface SseEvent {
  event: string | null;
  data: unknown;
}

/**
 * Frames one event exactly as the Messages API does: `event: NAME\ndata: JSON\n\n`.
 * A string is written verbatim, which is how we send the real API's spaced ping
 * (`{"type": "ping"}`) and deliberately broken data lines.
 */
export function formatSse(event: string | null, data: unknown): string {
  const payload = typeof data === 'string' ? data : JSON.stringify(data);
  // The SSE spec splits a multi-line payload over several data lines; the API never needs it, but a raw
  // string with a newline must not break the framing.
  const dataLines = payload
    .split('\n')
    .map((line) => `data: ${line}\n`)
    .join('');
  return event === null ? `${dataLines}\n` : `event: ${event}\n${dataLines}\n`;
}
