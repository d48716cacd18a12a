import { createClient } from '../src/engine/client.js';
import { idleTimeoutOf } from '../src/engine/client-idle.js';
import { TurnRedactor } from '../src/engine/redact.js';
import { createResponseGuard } from '../src/engine/response-guard.js';
import { createWireTap } from '../src/engine/wire-tap.js';
import { arg, cpuMs, report } from './child-result.js';

// The least any streambook turn does on top of the bare SDK (child-sdk.ts): the same helper
// loop, with the two middlewares every turn has (engine/turn.ts), and nothing done with what
// they see. The response guard ends stalls and bad replies; the wire tap reads every event as
// it came, pings and unknown types included, which the SDK's iterators drop. Print mode's and
// the notebook's CPU cannot go below this.
const client = createClient({ apiKey: 'bench', baseURL: arg('url', '') });
const turnOver = new AbortController();
let events = 0;
const tap = createWireTap(
  () => performance.now(),
  { attempt() {}, response() {}, event: () => void events++, bodyEnd() {} },
  new TurnRedactor(client.apiKey),
  { signal: turnOver.signal },
);
const guard = createResponseGuard({
  signal: turnOver.signal,
  idleTimeoutMs: idleTimeoutOf(client),
  maxRetries: client.maxRetries,
  onRetryWait() {},
});
const before = cpuMs();
const stream = client.messages.stream(
  {
    model: 'claude-sonnet-4-6',
    max_tokens: Number(arg('max-tokens', '30000')),
    messages: [{ role: 'user', content: 'bench' }],
  },
  { middleware: [tap, guard] },
);
let deltas = 0;
stream.on('text', () => deltas++);
await stream.finalMessage();
turnOver.abort();
report({ cpuMs: cpuMs() - before, deltas, events });
