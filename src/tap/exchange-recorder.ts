import type { Transform } from 'node:stream';
import type { APIRequest } from '@anthropic-ai/sdk/core/api';
import { accumulate } from '../engine/accumulate.js';
import { isEventStream } from '../engine/event-stream-check.js';
import { REDACTED } from '../engine/key-pattern.js';
import { blockBoundary, deltaUpdate } from '../engine/sdk-runs.js';
import { TurnClock } from '../engine/turn-metrics.js';
import type { Message, TurnError, TurnStatus, TurnUpdate, WireEvent } from '../engine/types.js';
import { createWireTap } from '../engine/wire-tap.js';
import { BodyCopy, EVENT_BYTES, KEPT_BYTES, RECORDED_BYTES } from './body-copy.js';
import { decoderFor } from './body-decoder.js';
import {
  causeOf,
  connectionError,
  httpError,
  incomplete,
  malformed,
  sdkEvent,
  streamError,
  tooLarge,
} from './exchange-outcome.js';
import { fetchHeaders } from './hop-headers.js';
import { RedactorChain } from './redactor-chain.js';

/** A request as the tap forwarded it, to be recorded. */
export interface TappedRequest {
  method: string;
  /** The upstream URL it went to. */
  url: string;
  /** The flat list of headers sent upstream. */
  headers: readonly string[];
  body: string;
}

/**
 * One exchange through the tap as a turn's updates, made by the engine's own parts: the wire
 * tap reads the SSE and times it, the accumulator builds the message as the SDK does, the
 * redactor takes the key out, and TurnClock gives the metrics. It is handed a copy of what the
 * client got, and never touches the bytes the client gets.
 */
export class ExchangeRecorder {
  readonly #clock = new TurnClock();
  readonly #emit: (update: TurnUpdate) => void;
  #respond: { resolve: (response: Response) => void; reject: (error: unknown) => void } | null = null;
  #body: BodyCopy | null = null;
  /** Past a cap on what is recorded: the rest of the body is neither decoded nor read. */
  #tooLarge = false;
  #decoder: Transform | null = null;
  /** The decoded body of an answer that is not an event stream, or null while it is not kept. */
  #kept: Buffer[] | null = null;
  #keptBytes = 0;
  #readsEvents = false;
  #status = 0;
  #requestId: string | null = null;
  #message: Message | null = null;
  #eventsSeen = 0;
  #stopped = false;
  #error: TurnError | undefined;
  #interrupted = false;
  #ended = false;
  /** The wire tap reports the response a turn later than it is handed over; the end waits for it. */
  readonly #reported: Promise<void>;
  #responseReported = () => {};

  /** `keys`: every credential the client sent (see credentialsOf), each hidden however short. */
  constructor(request: TappedRequest, keys: readonly string[], sink: (update: TurnUpdate) => void) {
    this.#reported = new Promise((resolve) => {
      this.#responseReported = resolve;
    });
    const redactor = new RedactorChain(keys);
    this.#emit = (update) => {
      this.#clock.observe(update);
      redactor.pass(update, sink);
    };
    const tap = createWireTap(
      this.#clock.now,
      {
        attempt: (attempt) => this.#emit({ type: 'attempt', attempt }),
        response: (attempt) => {
          this.#emit({ type: 'response', attempt });
          this.#responseReported();
        },
        event: (event) => this.#event(event),
        bodyEnd: (failure) => this.#streamEnded(failure),
      },
      redactor,
    );
    const headers = fetchHeaders(request.headers);
    // Any header with a key in it is hidden whole (a credential's own header is anyway).
    headers.forEach((value, name) => {
      if (keys.some((key) => value.includes(key))) headers.set(name, REDACTED);
    });
    const sent: APIRequest = { method: request.method, url: request.url, headers, body: request.body };
    const next = () =>
      new Promise<Response>((resolve, reject) => {
        this.#respond = { resolve, reject };
      });
    tap(sent, next, {} as never).then(
      // The wire tap reads a copy of the body; nobody reads this one, and it would hold every byte.
      (response) => void response.body?.cancel().catch(() => {}),
      (error: unknown) => this.#finish(connectionError(0, causeOf(error))),
    );
  }

  /** The upstream's status and headers came. */
  responded(status: number, rawHeaders: readonly string[]): void {
    const headers = fetchHeaders(rawHeaders);
    this.#status = status;
    this.#requestId = headers.get('request-id');
    this.#decoder = decoderFor(headers.get('content-encoding'));
    this.#decoder?.on('data', (chunk: Buffer) => this.#take(chunk));
    this.#decoder?.on('end', () => this.#bodyDone());
    this.#decoder?.on('error', (error) => this.#lost(`the tap could not decode the body: ${causeOf(error)}`));
    const empty = status === 204 || status === 205 || status === 304;
    const body = new BodyCopy();
    let response: Response;
    try {
      response = new Response(empty ? null : body.stream, { status, headers });
    } catch (error) {
      // A status fetch can't hold (below 200, past 599): the turn is filed as a failure of its own.
      this.#respond?.reject(error);
      return;
    }
    this.#readsEvents = response.ok && !empty && isEventStream(response);
    if (this.#readsEvents) this.#body = body;
    if (!this.#readsEvents) this.#kept = [];
    this.#respond?.resolve(response);
  }

  /** A piece of the body as it came over the wire (still encoded, if it was). */
  chunk(raw: Buffer): void {
    if (this.#tooLarge) return;
    if (this.#decoder) this.#decoder.write(raw);
    else this.#take(raw);
  }

  /** The body ended cleanly. */
  end(): void {
    if (this.#tooLarge) return;
    if (this.#decoder) this.#decoder.end();
    else this.#bodyDone();
  }

  /** The exchange broke: the upstream failed or reset, or (interrupted) the client went away. */
  fail(error: unknown, interrupted: boolean): void {
    this.#interrupted ||= interrupted;
    if (this.#ended) return;
    if (!this.#kept && !this.#readsEvents) {
      this.#respond?.reject(error);
      return;
    }
    if (this.#readsEvents) this.#body?.error(error);
    else this.#finish(connectionError(0, causeOf(error)));
  }

  #take(chunk: Buffer): void {
    if (this.#readsEvents) {
      if (!this.#body?.push(chunk))
        this.#overflow(`${EVENT_BYTES >> 20} MB in one event or ${RECORDED_BYTES >> 20} MB in all`);
      return;
    }
    if (!this.#kept) return;
    this.#keptBytes += chunk.length;
    if (this.#keptBytes <= KEPT_BYTES) this.#kept.push(chunk);
    else this.#overflow(`${KEPT_BYTES >> 20} MB`);
  }

  /** Past a cap: decoding stops, and the turn is filed as failed (the client still gets every byte). */
  #overflow(cap: string): void {
    this.#tooLarge = true;
    this.#decoder?.destroy();
    this.#kept = null;
    const error = tooLarge(cap);
    if (!this.#readsEvents) {
      this.#finish(error);
      return;
    }
    this.#error ??= error;
    this.#body?.error(new Error(error.message));
  }

  #bodyDone(): void {
    if (this.#readsEvents) {
      this.#body?.close();
      return;
    }
    const text = Buffer.concat(this.#kept ?? []).toString('utf8');
    if (this.#status >= 300) {
      this.#finish(httpError(this.#status, text, this.#requestId));
      return;
    }
    // A whole message (stream: false) is the turn's message, as the SDK would return it.
    try {
      const parsed = JSON.parse(text) as Message;
      if (parsed?.type === 'message') this.#message = parsed;
    } catch {}
    this.#finish(undefined);
  }

  #event(event: WireEvent): void {
    this.#emit({ type: 'wire', event });
    // Past an error or an event the SDK failed on, the client's iterator has stopped.
    if (this.#error) return;
    const read = sdkEvent(event);
    if (read.kind === 'skip') return;
    if (read.kind === 'error') {
      this.#error = streamError(read.data, this.#requestId);
      return;
    }
    if (read.kind === 'malformed') {
      this.#error = malformed(this.#eventsSeen, read.reason);
      return;
    }
    try {
      this.#message = accumulate(this.#message, read.event);
    } catch (error) {
      this.#error = malformed(this.#eventsSeen, causeOf(error));
      return;
    }
    this.#eventsSeen++;
    const update = blockBoundary(read.event) ?? deltaUpdate(read.event, this.#clock.now());
    if (update) this.#emit(update);
    if (read.event.type === 'message_stop') this.#stopped = true;
  }

  #streamEnded(failure: unknown): void {
    if (failure !== undefined)
      this.#finish(this.#error ?? connectionError(this.#eventsSeen, causeOf(failure)));
    else if (!this.#stopped) this.#finish(this.#error ?? incomplete(this.#eventsSeen));
    else this.#finish(this.#error);
  }

  #lost(reason: string): void {
    if (this.#readsEvents) this.#body?.error(new Error(reason));
    else this.#finish({ kind: 'internal', message: reason });
  }

  #finish(error: TurnError | undefined): void {
    if (this.#ended) return;
    this.#ended = true;
    const status: TurnStatus = this.#interrupted ? 'interrupted' : error ? 'failed' : 'complete';
    const message = this.#message;
    const outcome = { status, message, metrics: this.#clock.metrics(message) };
    void this.#reported.then(() =>
      this.#emit({ type: 'end', outcome: status === 'failed' && error ? { ...outcome, error } : outcome }),
    );
  }
}
