import { EndingError } from './ending-error.js';

/**
 * A body read that failed. Bytes that would not decompress get their own line, since
 * "connection dropped" would send the user after the network; anything else (a reset, a
 * socket closed) goes on as it came, for the SDK and the turn to word.
 */
export function unreadableBody(error: unknown): unknown {
  const zlib = findZlibError(error);
  if (!zlib) return error;
  return new EndingError({
    kind: 'connection',
    message: `the reply's compressed body is corrupt (${zlib.message.split('\n')[0]}); try again, or check any proxy in between`,
  });
}

function findZlibError(error: unknown): Error | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('Z_')) return current;
    current = current.cause;
  }
  return undefined;
}
