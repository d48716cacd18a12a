import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** The names of the recorded streams in test/fixtures, without `.sse`. */
export function listFixtures(): string[] {
  return readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.sse'))
    .map((file) => file.slice(0, -'.sse'.length))
    .sort();
}

export function fixturePath(name: string): string {
  return `${FIXTURES}${name}.sse`;
}

export interface FixtureServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Replays one recording, byte for byte, to every POST /v1/messages: one write per event with a
 * turn of the event loop between them, so the client sees events arrive separately as on the wire.
 */
export async function serveFixture(
  name: string,
  options: { dropAfterEvents?: number } = {},
): Promise<FixtureServer> {
  const events = splitEvents(readFileSync(fixturePath(name), 'utf8'));
  let requests = 0;
  const server = createServer((req, res) => {
    req.resume();
    if (req.method !== 'POST' || req.url?.split('?')[0] !== '/v1/messages') {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ type: 'error', error: { type: 'not_found_error', message: 'Not Found' } }));
      return;
    }
    requests++;
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'request-id': `req_fixture_${name}_${requests}`,
    });
    void replay(res, events, options.dropAfterEvents);
  });
  return listenOnLoopback(server);
}

/** Starts a test server on a free loopback port; closing it drops any open stream. */
export async function listenOnLoopback(server: Server): Promise<FixtureServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function replay(res: ServerResponse, events: string[], dropAfter?: number): Promise<void> {
  for (const [index, event] of events.entries()) {
    if (res.destroyed) return;
    if (index + 1 === dropAfter) {
      // Destroy only once the last event is flushed, so the client is sure to have seen it.
      res.write(event, () => res.destroy());
      return;
    }
    res.write(event);
    await yieldToLoop();
  }
  res.end();
}

/** Each event with its blank-line terminator, so joining them gives the file back exactly. */
function splitEvents(text: string): string[] {
  const events: string[] = [];
  let start = 0;
  for (let end = text.indexOf('\n\n'); end !== -1; end = text.indexOf('\n\n', start)) {
    events.push(text.slice(start, end + 2));
    start = end + 2;
  }
  if (start < text.length) events.push(text.slice(start));
  return events;
}

/** One event as a scripted server sends it: its name (none when null) and its data. */
export interface SseEvent {
  event: string | null;
  data: unknown;
}

/** One scripted answer to POST /v1/messages: an SSE stream, or an HTTP error with a JSON body. */
export type ScriptedResponse =
  | { kind: 'sse'; events: readonly SseEvent[] }
  | { kind: 'json'; status: number; body: unknown };

export interface ScriptedServer extends FixtureServer {
  /** The parsed JSON body of every request, in order. */
  requests: unknown[];
}

/**
 * The SSE framing of one event, the API's way: an `event:` line, a `data:` line, a blank line
 * (a null event leaves its line out, as a server that names no event would).
 */
export function sseEvent(event: string | null, data: unknown): string {
  const name = event === null ? '' : `event: ${event}\n`;
  return `${name}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
}

/**
 * Answers the n-th POST /v1/messages with the n-th scripted response (the last one repeats),
 * for tests that need a reply no offline scenario sends, such as text with escape sequences.
 */
export async function serveScript(responses: ScriptedResponse[]): Promise<ScriptedServer> {
  const requests: unknown[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      if (req.method !== 'POST' || req.url?.split('?')[0] !== '/v1/messages') {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{}');
        return;
      }
      requests.push(body ? JSON.parse(body) : null);
      const n = requests.length;
      const response = responses[Math.min(n, responses.length) - 1];
      const requestId = `req_script_${n}`;
      if (!response || response.kind === 'json') {
        res
          .writeHead(response?.status ?? 500, { 'content-type': 'application/json', 'request-id': requestId })
          .end(JSON.stringify(response?.body ?? {}));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'request-id': requestId });
      void replay(
        res,
        response.events.map((e) => sseEvent(e.event, e.data)),
      );
    });
  });
  return { ...(await listenOnLoopback(server)), requests };
}
