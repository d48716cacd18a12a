import { once } from 'node:events';
import { createServer, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { sendNow } from '../../src/tap/send-now.js';

/** What the client's socket still holds back, right after each way of writing a chunk. */
async function heldAfter(write: (res: ServerResponse, chunk: Buffer) => void): Promise<number[]> {
  const held: number[] = [];
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.flushHeaders();
    for (const text of ['event: ping\ndata: {}\n\n', 'event: ping\ndata: {}\n\n']) {
      write(res, Buffer.from(text));
      // Synchronously, as the recording of the chunk would start next.
      held.push(res.socket?.writableLength ?? -1);
    }
    res.end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const req = request({ port, host: '127.0.0.1', path: '/' });
  req.end();
  const [res] = (await once(req, 'response')) as [import('node:http').IncomingMessage];
  let body = '';
  for await (const chunk of res) body += chunk;
  server.close();
  expect(body).toBe('event: ping\ndata: {}\n\n'.repeat(2));
  return held;
}

it('hands each chunk of an answer to the kernel before the callback goes on to record it', async () => {
  expect(await heldAfter(sendNow)).toEqual([0, 0]);
});

it('is needed: node:http holds a chunked write back until the next tick', async () => {
  const held = await heldAfter((res, chunk) => res.write(chunk));
  expect(held.every((bytes) => bytes > 0)).toBe(true);
});
