import type { Message, TurnMetrics, TurnUpdate } from './types.js';

/** Collects the timing facts of one turn as its updates pass by. */
export class TurnClock {
  readonly #start = performance.now();
  #ttfb: number | null = null;
  #ttft: number | null = null;
  #firstContent: number | null = null;
  #attempts = 0;

  /** ms since the turn began, on the monotonic clock. */
  readonly now = (): number => performance.now() - this.#start;

  observe(update: TurnUpdate): void {
    switch (update.type) {
      case 'attempt':
        this.#attempts++;
        return;
      case 'wire':
        this.#ttfb ??= update.event.t;
        return;
      case 'text':
        this.#ttft ??= update.t;
        this.#firstContent ??= update.t;
        return;
      case 'thinking':
      case 'input_json':
        this.#firstContent ??= update.t;
        return;
      default:
        return;
    }
  }

  metrics(message: Message | null): TurnMetrics {
    const totalMs = this.now();
    const usageFinal = hasFinalUsage(message);
    // Before message_delta, output_tokens is message_start's placeholder (often 1), not a count.
    const outputTokens = usageFinal ? (message?.usage?.output_tokens ?? null) : null;
    const generationMs = this.#firstContent === null ? null : totalMs - this.#firstContent;
    return {
      ttfbMs: this.#ttfb,
      ttftMs: this.#ttft,
      totalMs,
      outputTokens,
      tokensPerSecond:
        outputTokens !== null && generationMs !== null && generationMs > 0
          ? outputTokens / (generationMs / 1000)
          : null,
      stopReason: message?.stop_reason ?? null,
      usage: message?.usage ? structuredClone(message.usage) : null,
      usageFinal,
      attempts: this.#attempts,
    };
  }
}

/**
 * True when the message's usage is the final count. That count comes with message_delta, the
 * same event that sets stop_reason; a turn cut short before it has only message_start's usage.
 */
function hasFinalUsage(message: Message | null): boolean {
  return message?.stop_reason != null;
}
