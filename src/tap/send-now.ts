import type { ServerResponse } from 'node:http';

/**
 * Writes a chunk of the answer to the client's socket now. node:http corks the socket for a
 * chunked write and uncorks it on the next tick, after whatever else this callback does; the
 * cork that write added is taken off here, so the chunk (with its framing, one writev) leaves
 * before this callback goes on. A cork someone else put on stays.
 */
export function sendNow(res: ServerResponse, chunk: Buffer): boolean {
  const socket = res.socket;
  const corked = socket?.writableCorked ?? 0;
  const flowing = res.write(chunk);
  if (socket && socket.writableCorked > corked) socket.uncork();
  return flowing;
}
