import type { ServerSentEvent } from '@anthropic-ai/sdk/core/streaming';
import { TurnRedactor } from '../engine/redact.js';
import type { TurnUpdate } from '../engine/types.js';

/**
 * One turn redactor per key a client sent (x-api-key and a bearer token may differ), as one:
 * an update, an event or a text passes through each in turn. Short keys are hidden too.
 */
export class RedactorChain {
  readonly #redactors: TurnRedactor[];
  readonly #texts: Array<(text: string) => string>;

  constructor(keys: readonly string[]) {
    this.#redactors = keys.map((key) => new TurnRedactor(key, { shortKeys: true }));
    this.#texts = this.#redactors.flatMap((redactor) => (redactor.text ? [redactor.text] : []));
  }

  pass(update: TurnUpdate, send: (update: TurnUpdate) => void): void {
    const chained = this.#redactors.reduceRight<(update: TurnUpdate) => void>(
      (next, redactor) => (one) => redactor.pass(one, next),
      send,
    );
    chained(update);
  }

  event = (sse: ServerSentEvent): ServerSentEvent =>
    this.#redactors.reduce((out, redactor) => redactor.event(out), sse);

  get text(): ((text: string) => string) | null {
    const texts = this.#texts;
    return texts.length > 0 ? (text) => texts.reduce((out, hide) => hide(out), text) : null;
  }
}
