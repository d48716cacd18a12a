import { openSync, writeSync } from 'node:fs';
import { createClient } from '../src/engine/client.js';
import { runPrint } from '../src/print/print-mode.js';
import { arg, cpuMs, report } from './child-result.js';

// Print mode's own code path, writing to a real file descriptor as it would to a pipe.
const sink = openSync('/dev/null', 'w');
const client = createClient({ apiKey: 'bench', baseURL: arg('url', '') });
let writes = 0;
const before = cpuMs();
const outcome = await runPrint({
  client,
  settings: { model: 'claude-sonnet-4-6', maxTokens: Number(arg('max-tokens', '30000')), mode: 'helper' },
  prompt: 'bench',
  format: 'text',
  stdout: {
    write: (chunk) => {
      writes++;
      writeSync(sink, chunk);
    },
    isTTY: false,
  },
});
// Print mode writes once per turn of the event loop, not once per delta (src/print/batched-output.ts).
report({ cpuMs: cpuMs() - before, writes, status: outcome.status });
