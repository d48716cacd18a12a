import { request } from 'node:http';
import { createInterface } from 'node:readline';
import { arg } from './child-result.js';

/**
 * The tap bench's client, a process of its own as an SDK client is: a round of reads starts at
 * each `go` line on stdin, and its result goes back as one JSON line on stdout. Each event's
 * arrival is `performance.timeOrigin + performance.now()`, a clock the runner's own reads match
 * to microseconds, so a server's write and a client's read in two processes can be subtracted.
 */
const direct = arg('direct', '');
const tapped = arg('tapped', '');

for await (const line of createInterface({ input: process.stdin })) {
  if (line !== 'go') continue;
  const [straight, through] = await Promise.all([arrivals(direct), arrivals(tapped)]);
  process.stdout.write(`${JSON.stringify({ direct: straight, tapped: through })}\n`);
}

/** One streamed answer read at `url`: each event's arrival, in ms since the epoch. */
function arrivals(url: string): Promise<number[]> {
  const body = JSON.stringify({
    model: 'claude-sonnet-4-6',
    max_tokens: 100_000,
    stream: true,
    messages: [{ role: 'user', content: 'bench' }],
  });
  return new Promise((resolve, reject) => {
    const arrived: number[] = [];
    let pending = '';
    const req = request(
      `${url}/v1/messages`,
      { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': 'bench' } },
      (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          const now = performance.timeOrigin + performance.now();
          pending += chunk;
          const events = pending.split('\n\n');
          pending = events.pop() ?? '';
          for (let i = 0; i < events.length; i++) arrived.push(now);
        });
        res.on('end', () => resolve(arrived));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
