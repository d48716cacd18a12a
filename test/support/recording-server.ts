import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { type FixtureServer, fixturePath, listenOnLoopback } from './sse-fixture-server.js';

/** A request as the server got it: its headers, and its body as the bytes' text. */
export interface RecordedRequest {
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RecordingServer extends FixtureServer {
  requests: RecordedRequest[];
}

/**
 * Answers every POST with one recorded stream (test/fixtures/<fixture>.sse), and keeps each
 * request exactly as it came, for tests that check what a client sent byte for byte.
 */
export async function recordingServer(fixture = 'text'): Promise<RecordingServer> {
  const stream = readFileSync(fixturePath(fixture), 'utf8');
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'request-id': `req_recorded_${requests.length}`,
      });
      res.end(stream);
    });
  });
  return { ...(await listenOnLoopback(server)), requests };
}

/** The key a request carried: x-api-key, or the bearer token this SDK sends it as. */
export function sentKey(headers: IncomingHttpHeaders | undefined): string | undefined {
  const header = headers?.['x-api-key'];
  if (typeof header === 'string') return header;
  return headers?.authorization?.replace(/^Bearer /, '');
}
