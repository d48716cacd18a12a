import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildCli } from './build.mjs';

// `npm start -- ARGS`: rebuild only when a source file is newer than the bundle, then run
// the bundle in this process, so start-up costs one node, not two.
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

const bundle = 'dist/cli.js';
if (mtime(bundle) < Math.max(newest('src'), mtime('package.json'))) await buildCli();
process.argv = [process.argv[0], bundle, ...process.argv.slice(2)];
await import(`../${bundle}`);
