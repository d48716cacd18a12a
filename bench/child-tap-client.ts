import { request } from 'node:http';
import { createInterface } from 'node:readline';
import { arg } from './child-result.js';

/**
 * The tap bench's client, a process of its own as an SDK client is: `--urls name=URL,…`, and a
 * round of reads, one stream from each at once, starts at each `go` line on stdin; its result
 * goes back as one JSON line on stdout. Each event's arrival is `performance.timeOrigin +
 * performance.now()`, a clock the runner's own reads match, so a server's write and a client's
 * read in two processes can be subtracted.
 */
const urls = arg('urls', '')
  .split(',')
  .map((pair) => pair.split('=', 2) as [string, string]);

for await (const line of createInterface({ input: process.stdin })) {
  if (line !== 'go') continue;
  const rounds = await Promise.all(urls.map(([, url]) => arrivals(url)));
  process.stdout.write(`${JSON.stringify(Object.fromEntries(urls.map(([name], i) => [name, rounds[i]])))}\n`);
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
