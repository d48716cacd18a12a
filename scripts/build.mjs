import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { inkOutputPlugin } from './ink-output.mjs';

/**
 * Our code and its dependencies as ESM for Node 20, in a few files: resolving and reading the
 * hundreds of modules of React, Ink and their helpers one by one cost most of startup. Ink is
 * bundled with our Output in place of its own (scripts/ink-output.mjs).
 */
const COMMON = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // node-pty: the benchmark's pseudo-terminal, a native module, never shipped.
  // react-devtools-core: Ink imports it only when DEV=true, and it is not installed.
  external: ['@lydell/node-pty', 'react-devtools-core'],
  jsx: 'automatic',
  // React's packages pick their production or development build by NODE_ENV when loaded; fixed
  // here, the development builds (react-reconciler's alone is 0.9 MB) are left out of the
  // bundle instead of being read and parsed before the first frame.
  define: { 'process.env.NODE_ENV': '"production"' },
  // Less for Node to read, decode and parse before the first frame (CPU to it 420 -> 394 ms,
  // medians of 11); names are kept, so stack traces and profiles still read.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  // CommonJS packages inside an ESM bundle still call require() for Node's built-ins.
  plugins: [yogaWithoutFetch(), inkOutputPlugin()],
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
};

/**
 * yoga-layout's loader fetches its embedded WASM (a data: URL) when `fetch` exists, and the
 * first fetch loads undici, which cost 50-200 ms before the first frame; decoding the same
 * base64 directly is the loader's own fallback.
 */
function yogaWithoutFetch() {
  return {
    name: 'yoga-without-fetch',
    setup(b) {
      b.onLoad(
        { filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ },
        async (args) => {
          const { readFile } = await import('node:fs/promises');
          const source = await readFile(args.path, 'utf8');
          const patched = source.replace('"function"!=typeof fetch', '!0');
          if (patched === source) throw new Error('yoga-without-fetch: the loader changed; look again');
          return { contents: patched, loader: 'js' };
        },
      );
    },
  };
}

/**
 * The CLI, split at dynamic imports, so `--version` and print mode never load Ink, React or
 * the Markdown renderer (test/e2e/startup-imports.test.ts checks it).
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
  rmSync('dist/bench', { recursive: true, force: true });
  await build({
    ...COMMON,
    entryPoints: [
      'bench/run.ts',
      'bench/child-sdk.ts',
      'bench/child-print.ts',
      'bench/child-tui.tsx',
      'bench/child-tap-client.ts',
      'bench/child-wire-floor.ts',
      'bench/child-headless.ts',
      'bench/child-tcp-relay.ts',
    ],
    outdir: 'dist/bench',
    // Split too: in one file, Ink's devtools import (DEV=true only) would become a static one.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildCli();
  if (process.argv.includes('--bench')) await buildBench();
}
