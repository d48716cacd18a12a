import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { inkOutputPlugin } from './ink-output.mjs';

/**
 * Our code as ESM for Node 20; dependencies stay in node_modules, as npm installs them, but for
 * Ink, bundled with our Output in place of its own (scripts/ink-output.mjs).
 */
const COMMON = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  jsx: 'automatic',
  logLevel: 'warning',
  plugins: [inkOutputPlugin()],
};

/**
 * The CLI, split at dynamic imports, so `--version` and print mode never load Ink, React or
 * the Markdown renderer.
 */
export async function buildCli() {
  // Chunk names carry hashes; clear the old ones so dist/ holds one build.
  rmSync('dist/chunks', { recursive: true, force: true });
  await build({
    ...COMMON,
    entryPoints: ['src/cli.tsx'],
    outdir: 'dist',
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    sourcemap: 'linked',
  });
}

/** The benchmark's runner and children, bundled like the CLI (they import our src/). */
export async function buildBench() {
  await build({
    ...COMMON,
    entryPoints: ['bench/run.ts', 'bench/child-sdk.ts', 'bench/child-print.ts', 'bench/child-tui.tsx'],
    outdir: 'dist/bench',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildCli();
  if (process.argv.includes('--bench')) await buildBench();
}
