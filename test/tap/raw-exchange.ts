import { request } from 'node:http';

/** What a client read of one answer, byte for byte, and how the connection ended. */
export interface RawAnswer {
  status: number;
  /** The headers as they came, names as sent. */
  headers: string[];
  body: Buffer;
  /** Set when the connection broke before the answer ended (a reset, a drop). */
  error: string | null;
}

/** One request with node:http, reading the raw body (still encoded, if it was). */
export function rawExchange(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { method?: string; leaveAfterFirstChunk?: boolean } = {},
): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let answer: RawAnswer | null = null;
    let finished = false;
    const done = (error: string | null) => {
      if (finished) return;
      finished = true;
      resolve({
        status: answer?.status ?? 0,
        headers: answer?.headers ?? [],
        body: Buffer.concat(chunks),
        error,
      });
    };
    const req = request(url, { method: options.method ?? 'POST', headers }, (res) => {
      answer = { status: res.statusCode ?? 0, headers: res.rawHeaders, body: Buffer.alloc(0), error: null };
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        // A client that gives up mid-answer (its own timeout, a user's Ctrl+C).
        if (options.leaveAfterFirstChunk) {
          req.destroy();
          done('left');
        }
      });
      res.on('end', () => done(null));
      res.on('error', (error) => done(error.message));
    });
    req.on('error', (error) => done((error as NodeJS.ErrnoException).code ?? error.message));
    req.end(body);
  });
}

/** A header's value in a raw list. */
export function headerOf(raw: readonly string[], name: string): string | undefined {
  for (let i = 0; i + 1 < raw.length; i += 2) if (raw[i]?.toLowerCase() === name) return raw[i + 1];
  return undefined;
}
