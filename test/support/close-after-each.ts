import { afterEach } from 'vitest';

type Closable = { close(): Promise<void> } | { kill(): void } | { unmount(): void };

/**
 * Registers an afterEach that, pass or fail, kills, unmounts or closes what the test opened, newest
 * first (the pty before the server it talks to). Returns `track`, which hands its argument back.
 */
export function closeAfterEach(): <T extends Closable>(opened: T) => T {
  const open: Closable[] = [];
  afterEach(async () => {
    for (const opened of open.splice(0).reverse()) {
      if ('kill' in opened) opened.kill();
      else if ('unmount' in opened) opened.unmount();
      else await opened.close();
    }
  });
  return (opened) => {
    open.push(opened);
    return opened;
  };
}
