import type Anthropic from '@anthropic-ai/sdk';
import { DEFAULT_IDLE_TIMEOUT_MS } from './idle-watchdog.js';

// A transport limit, like maxRetries, so it travels with the client to every turn. Kept apart
// from client.ts, so that a turn's code does not load the SDK's client before the first frame.
const idleTimeouts = new WeakMap<Anthropic, number>();

export function setIdleTimeout(client: Anthropic, ms: number): void {
  idleTimeouts.set(client, ms);
}

/** The idle timeout a client was made with, or the default for one made elsewhere. */
export function idleTimeoutOf(client: Anthropic): number {
  return idleTimeouts.get(client) ?? DEFAULT_IDLE_TIMEOUT_MS;
}
