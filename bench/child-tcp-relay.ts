import { connect, createServer } from 'node:net';
import { arg } from './child-result.js';

/**
 * The tap bench's floor: a bare TCP relay in a process of its own, which copies bytes both
 * ways and reads nothing. What it adds to an event is what any proxy process pays on this
 * machine (a wake-up, a read, a write), so what the tap adds past it is the tap's own.
 * It says where it listens on stdout, as the tap does.
 */
const upstream = new URL(arg('upstream', ''));
const server = createServer({ noDelay: true }, (client) => {
  const answer = connect({ port: Number(upstream.port), host: upstream.hostname, noDelay: true });
  client.pipe(answer).pipe(client);
  const close = () => {
    client.destroy();
    answer.destroy();
  };
  client.on('error', close).on('close', close);
  answer.on('error', close).on('close', close);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object')
    process.stdout.write(`export ANTHROPIC_BASE_URL=http://127.0.0.1:${address.port}\n`);
});
