import Anthropic from '@anthropic-ai/sdk';

export interface ClientOptions {
  apiKey: string;
  baseURL?: string | undefined;
  maxRetries?: number | undefined;
}

/**
 * The SDK client every turn uses. Its logger is off: the SDK logs malformed events and retries
 * to the console, which would break the screen and print mode's stdout; the engine reports
 * them as updates instead.
 */
export function createClient({ apiKey, baseURL, maxRetries }: ClientOptions): Anthropic {
  return new Anthropic({
    apiKey,
    ...(baseURL ? { baseURL } : {}),
    ...(maxRetries !== undefined ? { maxRetries } : {}),
    logLevel: 'off',
  });
}
