import Anthropic from '@anthropic-ai/sdk';
import { arg, cpuMs, report } from './child-result.js';

// The floor: the SDK's own helper and nothing else, as the second seed notebook uses it.
const client = new Anthropic({ apiKey: 'bench', baseURL: arg('url', ''), logLevel: 'off' });
const before = cpuMs();
const requested = performance.now();
const stream = client.messages.stream({
  model: 'claude-sonnet-4-6',
  max_tokens: Number(arg('max-tokens', '30000')),
  messages: [{ role: 'user', content: 'bench' }],
});
let deltas = 0;
let lastDelta = Number.NaN;
stream.on('text', () => {
  deltas++;
  lastDelta = performance.now();
});
await stream.finalMessage();
report({ cpuMs: cpuMs() - before, deltas, lastDeltaWallMs: lastDelta - requested });
