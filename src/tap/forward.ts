import { type Agent, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { performance } from 'node:perf_hooks';
import type { TurnUpdate } from '../engine/types.js';
import { ExchangeRecorder } from './exchange-recorder.js';
import { exchangeRequest } from './exchange-request.js';
import { endToEnd } from './hop-headers.js';
import { credentialsOf, KeyHider } from './key-hider.js';
import { sendNow } from './send-now.js';
import type { TapSession, TurnLog } from './tap-session.js';

/** What every exchange of a tap shares. */
export interface ForwardContext {
  upstream: URL;
  /** The tap's own `via` token, unique to the run. */
  hop: string;
  agent: Agent;
  session: TapSession;
  /** One line per exchange, when it ends. */
  log: (line: string) => void;
  /** Recording went wrong: the exchange goes on unrecorded (warned of once per distinct reason). */
  recordingFailed: (error: unknown) => void;
}

/** The most of a request body kept for the record; the upstream gets all of it regardless. */
const KEPT_REQUEST_BYTES = 32 * 1024 * 1024;

/**
 * One exchange: the request goes upstream as it came (only hop-by-hop headers are the tap's
 * own, and `host` is the upstream's), and the answer comes back chunk by chunk as it arrives,
 * as the same bytes. The recorder gets a copy of each chunk after the client's write; nothing
 * it does (or fails at) changes what the client gets.
 */
export function forward(req: IncomingMessage, res: ServerResponse, context: ForwardContext): void {
  const started = performance.now();
  const path = req.url ?? '/';
  // Joined as text after the upstream's origin, and only a path: `//host/…` or `@host/…`
  // resolved as a URL would send the request, and its key, to another host.
  if (!path.startsWith('/')) {
    refuse(res, 400, 'the tap forwards paths that start with /, such as /v1/messages');
    return;
  }
  // A request that went through this tap already has looped back (the upstream leads to the
  // tap, maybe through other proxies): forwarding it again would nest without end.
  if ((req.headers.via ?? '').includes(context.hop)) {
    refuse(
      res,
      508,
      `this request came back to the tap (its upstream ${context.upstream.origin} leads to the tap itself); set --upstream to the API`,
    );
    return;
  }
  const target = new URL(`${context.upstream.origin}${context.upstream.pathname.replace(/\/+$/, '')}${path}`);
  const headers = [
    'host',
    target.host,
    ...endToEnd(req.rawHeaders, { dropHost: true }),
    'via',
    `${req.httpVersion} ${context.hop}`,
  ];
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const upstream = send(target, { method: req.method, headers, agent: context.agent });
  upstream.on('socket', (socket) => socket.setNoDelay(true));

  const keys = credentialsOf(req.headers);
  const hider = new KeyHider(keys);
  const hideKey = hider.text;
  // Calls into the recorder wait for it (it is made once the request body is whole) and are
  // fenced off: a recording that throws stops recording, not proxying.
  let recorder: ExchangeRecorder | null = null;
  let turn: TurnLog | null = null;
  let broken = false;
  const stopRecording = (error: unknown) => {
    if (broken) return;
    broken = true;
    const reason = hideKey(error instanceof Error ? error.message : String(error));
    context.recordingFailed(reason);
    turn?.broke(`the tap failed to record this exchange: ${reason}`);
  };
  // Steps wait in order, and are taken after the I/O of this turn of the event loop: every
  // chunk that came in it is on its way to the client before any of it is recorded.
  const steps: Array<(r: ExchangeRecorder) => void> = [];
  let due = false;
  const recordNow = () => {
    due = false;
    if (!recorder) return;
    for (const step of steps.splice(0)) {
      if (broken) return;
      try {
        step(recorder);
      } catch (error) {
        stopRecording(error);
      }
    }
  };
  const recordSoon = () => {
    if (due) return;
    due = true;
    setImmediate(recordNow);
  };
  const record = (step: (r: ExchangeRecorder) => void) => {
    if (broken) return;
    steps.push(step);
    recordSoon();
  };

  // The first way the answer ended is the one recorded: a reset also closes the client's side.
  let ended = false;
  const settle = (step: (r: ExchangeRecorder) => void) => {
    if (ended) return;
    ended = true;
    record(step);
  };
  let status = 0;
  let events = 0;
  let interruption = '';
  const sink = (update: TurnUpdate) => {
    if (update.type === 'wire') events++;
    // The recorder's updates come from promises too: a throw there would end the process.
    try {
      if (!broken) turn?.update(update);
    } catch (error) {
      stopRecording(error);
    }
    if (update.type !== 'end') return;
    const { outcome } = update;
    const ms = Math.round(performance.now() - started);
    // An interrupted turn carries no error: the log says what cut it.
    const why = outcome.error?.message ?? interruption;
    const how = outcome.status === 'complete' ? '' : ` · ${outcome.status}${why ? `: ${why}` : ''}`;
    context.log(hideKey(`${req.method} ${path} → ${status || '-'} · ${events} events · ${ms} ms${how}`));
  };

  const body: Buffer[] = [];
  let bodyBytes = 0;
  req.on('data', (chunk: Buffer) => {
    bodyBytes += chunk.length;
    if (bodyBytes <= KEPT_REQUEST_BYTES) body.push(chunk);
  });
  req.on('end', () => {
    try {
      const text = Buffer.concat(body).toString('utf8');
      // What is filed of the request is read from its raw body: the key is hidden in it here.
      const filed = hider.deep(exchangeRequest(req.method ?? 'GET', path.split('?')[0] ?? path, text));
      const sent = { method: req.method ?? 'GET', url: target.href, headers, body: text };
      turn = context.session.exchange(filed);
      recorder = new ExchangeRecorder(sent, keys, sink);
    } catch (error) {
      stopRecording(error);
      return;
    }
    recordSoon();
  });
  req.pipe(upstream);

  upstream.on('response', (answer) => {
    status = answer.statusCode ?? 0;
    res.sendDate = false;
    res.writeHead(status, answer.statusMessage, endToEnd(answer.rawHeaders, { dropHost: false }));
    // An event stream's headers go now: a client waits on them before its first event.
    res.flushHeaders();
    record((r) => r.responded(status, answer.rawHeaders));
    answer.on('data', (chunk: Buffer) => {
      if (!sendNow(res, chunk)) answer.pause();
      record((r) => r.chunk(chunk));
    });
    res.on('drain', () => answer.resume());
    answer.on('end', () => {
      res.end();
      settle((r) => r.end());
    });
    answer.on('close', () => {
      if (answer.complete) return;
      // The upstream cut the answer off: the client's connection is cut too, not ended.
      reset(res);
      settle((r) => r.fail(new Error('the upstream reset the connection mid-answer'), false));
    });
  });
  upstream.on('error', (error) => {
    reset(res);
    settle((r) => r.fail(error, false));
  });
  res.on('close', () => {
    if (res.writableFinished) return;
    // The client went away: so does the request upstream, and the turn is interrupted.
    upstream.destroy();
    const cut = 'the client closed the connection';
    if (!ended) interruption = cut;
    settle((r) => r.fail(new Error(cut), true));
  });
}

/** An answer of the tap's own, shaped as the API's errors are, so a client's SDK reads it. */
export function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      type: 'error',
      error: { type: 'invalid_request_error', message: `streambook tap: ${message}` },
    }),
  );
}

/** The client's connection reset (RST), as a reset upstream looks to the tap. */
function reset(res: ServerResponse): void {
  const socket = res.socket;
  if (socket && typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else res.destroy();
}
