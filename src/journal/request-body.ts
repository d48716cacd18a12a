import type { MessageParam } from '../engine/types.js';

/**
 * A request body without its messages, when the body is exactly the JSON of its fields with
 * those `messages` in it: then it can be made again, byte for byte, from the messages the
 * reader knows were sent. Undefined when it can't (the body is kept whole then).
 */
export function compactBody(body: string, messages: readonly MessageParam[] | undefined): string | undefined {
  if (!messages) return undefined;
  let fields: Record<string, unknown>;
  try {
    fields = JSON.parse(body) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (typeof fields !== 'object' || fields === null || !('messages' in fields)) return undefined;
  fields.messages = null;
  const compact = JSON.stringify(fields);
  return expandBody(compact, messages) === body ? compact : undefined;
}

/** The body a compacted one stood for. */
export function expandBody(compact: string, messages: readonly MessageParam[]): string {
  const fields = JSON.parse(compact) as Record<string, unknown>;
  // Assigning keeps the key where it was, so the fields come out in the order they were sent.
  fields.messages = messages;
  return JSON.stringify(fields);
}
