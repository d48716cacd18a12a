import { build } from 'esbuild';

/** One ESM bundle of our code; dependencies stay in node_modules, as npm installs them. */
export async function buildCli() {
  await build({
    entryPoints: ['src/cli.tsx'],
    outfile: 'dist/cli.js',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    jsx: 'automatic',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildCli();
