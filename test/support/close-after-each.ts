import { afterEach } from 'vitest';

type Closable = { close(): Promise<void> } | { kill(): void };

/**
 * Registers an afterEach that, pass or fail, kills or closes what the test opened, newest
 * first (the pty before the server it talks to). Returns `track`, which hands its argument back.
 */
export function closeAfterEach(): <T extends Closable>(opened: T) => T {
  const open: Closable[] = [];
  afterEach(async () => {
    for (const opened of open.splice(0).reverse()) {
      if ('kill' in opened) opened.kill();
      else await opened.close();
    }
  });
  return (opened) => {
    open.push(opened);
    return opened;
  };
}
