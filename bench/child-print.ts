import { openSync, writeSync } from 'node:fs';
import { resolveConfig } from '../src/config/config.js';
import { createClient } from '../src/engine/client.js';
import { runPrint } from '../src/print/print-mode.js';
import { printSession } from '../src/print/print-session.js';
import { arg, cpuMs, report } from './child-result.js';

// Print mode's own code path, writing to a real file descriptor as it would to a pipe. With
// `--save on` the turn is saved as `streambook -p` saves it unless given --no-save: its session
// file and prompt history, in the runner's state folder.
const sink = openSync('/dev/null', 'w');
const client = createClient({ apiKey: 'bench', baseURL: arg('url', '') });
const maxTokens = arg('max-tokens', '30000');
const config = resolveConfig(['--max-tokens', maxTokens], { XDG_STATE_HOME: process.env.XDG_STATE_HOME });
const session =
  arg('save', 'off') === 'on'
    ? printSession(config, { client, offline: null, describe: '', close: async () => {} }, (line) =>
        process.stderr.write(`${line}\n`),
      )
    : null;
if (session && 'error' in session) throw new Error(session.error);
let writes = 0;
const before = cpuMs();
const outcome = await runPrint({
  client,
  settings: { model: 'claude-sonnet-4-6', maxTokens: Number(maxTokens), mode: 'helper' },
  prompt: 'bench',
  format: 'text',
  stdout: {
    write: (chunk) => {
      writes++;
      writeSync(sink, chunk);
    },
    isTTY: false,
  },
  journal: session?.journal,
  prompts: session?.prompts ?? null,
});
session?.journal?.journal.close();
// Print mode writes once per turn of the event loop, not once per delta (src/print/batched-output.ts).
report({ cpuMs: cpuMs() - before, writes, status: outcome.status });
