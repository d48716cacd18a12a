#!/usr/bin/env node
import packageJson from '../package.json' with { type: 'json' };

// A bare `--version` or `--help` answers here, before the rest of the CLI is loaded: Node's own
// start is most of its time, and the config, the SDK and the journal would double it
// (bench startup_ms). Neither reads .env, as nothing in it changes them; with other flags they
// go the long way, through src/cli-main.ts, and are checked with the rest.
const argv = process.argv.slice(2);
const only = argv.length === 1 ? argv[0] : undefined;
if (only === '--version' || only === '-v') {
  process.stdout.write(`${packageJson.version}\n`);
} else if (only === '--help' || only === '-h') {
  const { usage } = await import('./config/usage.js');
  process.stdout.write(`${usage()}\n`);
} else {
  const { run } = await import('./cli-main.js');
  run();
}
