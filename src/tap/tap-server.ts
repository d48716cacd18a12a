import { randomBytes } from 'node:crypto';
import { createServer, Agent as HttpAgent, type Server } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { AddressInfo } from 'node:net';
import { urlHost } from '../offline/server.js';
import { forward, refuse } from './forward.js';
import { TapSession, tapJournal } from './tap-session.js';

export interface TapServerOptions {
  port: number;
  host: string;
  /** Where requests go on to, without a trailing slash. */
  upstream: string;
  stateDir: string;
  /** One line per exchange. */
  log: (line: string) => void;
  /** A note that needs no answer (recording stopped); the tap goes on. */
  warn: (line: string) => void;
}

/** A running tap. */
export interface TapServer {
  /** http://HOST:PORT, without a trailing slash. */
  readonly url: string;
  /** The session the exchanges are saved in, once the first one came. */
  readonly sessionId: string | null;
  /** Stops listening, cuts the exchanges in flight, and closes the session file. */
  close(): Promise<void>;
}

/** Listens on `host:port` (0 picks a free port); rejects as `listen` does (EADDRINUSE, EACCES). */
export async function startTap(options: TapServerOptions): Promise<TapServer> {
  const upstream = new URL(options.upstream);
  // Put on each request it forwards: one that comes back with it has looped (see forward).
  const hop = `streambook-tap-${randomBytes(6).toString('hex')}`;
  const session = new TapSession(tapJournal(options.stateDir, options.upstream, options.warn));
  const agent =
    upstream.protocol === 'https:' ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  const context = {
    upstream,
    hop,
    agent,
    session,
    log: options.log,
    recordingFailed: distinctWarnings(options.warn),
  };
  const server = createServer({ noDelay: true }, (req, res) => {
    try {
      forward(req, res, context);
    } catch (error) {
      // A request node parsed but the tap can't send on (a URL it can't make): said, not thrown.
      if (!res.headersSent) refuse(res, 400, error instanceof Error ? error.message : String(error));
      else res.destroy();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost(address)}:${address.port}`,
    get sessionId() {
      return session.id;
    },
    close() {
      closing ??= closeServer(server)
        // The turns cut by the close are written as interrupted before the file is closed.
        .then(() => settled(session.idle()))
        .finally(() => {
          agent.destroy();
          session.close();
        });
      return closing;
    },
  };
}

/** Waits for `done`, for a second at the most: a stop should not hang on a recording. */
async function settled(done: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([done, new Promise((resolve) => (timer = setTimeout(resolve, 1000)))]);
  clearTimeout(timer);
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Streams in flight would otherwise hold close() open until they end.
    server.closeAllConnections();
  });
}

/**
 * The warning for a failed recording, once for each distinct reason: a run that fails the
 * same way on every exchange says it once, and a new way of failing is still said.
 */
export function distinctWarnings(warn: (line: string) => void): (error: unknown) => void {
  const said = new Set<string>();
  return (error) => {
    const reason = error instanceof Error ? error.message : String(error);
    if (said.has(reason)) return;
    said.add(reason);
    warn(`recording an exchange failed (${reason}); the tap goes on forwarding, that exchange unsaved`);
  };
}
