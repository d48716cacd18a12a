import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { defineConfig } from 'vitest/config';
import { INK_BUILD, swapped } from './scripts/ink-output.mjs';

/** node_modules, where Ink and ink-testing-library live. */
const INK_PACKAGES = dirname(dirname(INK_BUILD));

export default defineConfig({
  // The tests run the Ink users run: the modules scripts/ink-output.mjs replaces are ours here too.
  plugins: [
    {
      name: 'ink-output',
      enforce: 'pre',
      resolveId(source, importer) {
        return swapped(source, importer ? dirname(importer) : undefined) ?? null;
      },
      // Inlined Ink's source maps name sources npm does not ship; Vite would warn for each file.
      load(id) {
        if (!id.startsWith(INK_PACKAGES) || !id.endsWith('.js')) return null;
        return readFileSync(id, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, '');
      },
    },
  ],
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Two cores: more workers than that only adds contention to the pseudo-terminal tests.
    maxWorkers: 2,
    globalSetup: ['test/support/global-state-dir.ts'],
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.vitest-report.json' }]] : ['default'],
    // Inlined, so Vite resolves Ink's own imports (through the plugin above); the testing
    // library too, or its `import 'ink'` would load a second, unaliased Ink.
    server: { deps: { inline: ['ink', 'ink-testing-library'] } },
  },
});
