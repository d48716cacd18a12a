import type Anthropic from '@anthropic-ai/sdk';

/**
 * A client still being made (the SDK loads after the notebook's first frame and, offline, the
 * built-in server must listen); a turn sent meanwhile waits for it. Its key is known at once,
 * so that what is shown hides it from the start.
 */
export class PendingClient {
  constructor(
    readonly apiKey: string | null,
    readonly ready: Promise<Anthropic>,
  ) {}
}

/** Calls `use` with the client: at once, or once a pending one is made. */
export function withClient<T>(
  client: Anthropic | PendingClient,
  use: (client: Anthropic) => Promise<T>,
): Promise<T> {
  return client instanceof PendingClient ? client.ready.then(use) : use(client);
}
