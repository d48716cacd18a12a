import type { IncomingMessage } from 'node:http';

/** The largest request body the offline API reads; the real API's cap is about this size too. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

/**
 * The body as text, or null once it passes MAX_BODY_BYTES. Past the cap the rest is read and
 * dropped rather than the socket cut: a client still sending would see a broken pipe instead of
 * the 413 (its SDK reports a connection error). Twice the cap and it is cut after all.
 * Rejects when the client goes before the body ends.
 */
export function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let ended = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      chunks.length = 0;
      resolve(null);
      if (size > 2 * MAX_BODY_BYTES) req.destroy();
    });
    req.once('end', () => {
      ended = true;
      resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8'));
    });
    req.once('error', reject);
    req.once('close', () => {
      if (!ended) reject(new Error('the client went before the request body ended'));
    });
  });
}
