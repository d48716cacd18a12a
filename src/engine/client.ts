import Anthropic from '@anthropic-ai/sdk';
import { setIdleTimeout } from './client-idle.js';

export interface ClientOptions {
  /** The key, which the engine hides wherever a server echoes it; null for the offline API. */
  apiKey: string | null;
  /** Used instead of a key, where there is none to hide. */
  authToken?: string | undefined;
  baseURL?: string | undefined;
  maxRetries?: number | undefined;
  /** No byte for this long ends a turn (default 60 s); 0 turns the limit off. */
  idleTimeoutMs?: number | undefined;
}

/**
 * The SDK client every turn uses. Its logger is off: the SDK logs malformed events and retries
 * to the console, which would break the screen and print mode's stdout; the engine reports
 * them as updates instead.
 */
export function createClient({
  apiKey,
  authToken,
  baseURL,
  maxRetries,
  idleTimeoutMs,
}: ClientOptions): Anthropic {
  const client = new Anthropic({
    ...(apiKey !== null ? { apiKey } : { apiKey: null, authToken: authToken ?? null }),
    ...(baseURL ? { baseURL } : {}),
    ...(maxRetries !== undefined ? { maxRetries } : {}),
    logLevel: 'off',
  });
  if (idleTimeoutMs !== undefined) setIdleTimeout(client, idleTimeoutMs);
  return client;
}
