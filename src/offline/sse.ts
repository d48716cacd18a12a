/** One server-sent event before framing. A string `data` goes on the wire as is. */
export interface SseEvent {
  event: string;
  data: unknown;
}

/**
 * Frames one event exactly as the Messages API does: `event: NAME\ndata: JSON\n\n`.
 * A string is written verbatim, which is how we send the real API's spaced ping
 * (`{"type": "ping"}`) and deliberately broken data lines.
 */
export function formatSse(event: string, data: unknown): string {
  const payload = typeof data === 'string' ? data : JSON.stringify(data);
  // The SSE spec splits a multi-line payload over several data lines; the API never needs it, but a raw
  // string with a newline must not break the framing.
  const dataLines = payload
    .split('\n')
    .map((line) => `data: ${line}\n`)
    .join('');
  return `event: ${event}\n${dataLines}\n`;
}
