import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Two cores: more workers than that only adds contention to the pseudo-terminal tests.
    maxWorkers: 2,
    globalSetup: ['test/support/global-state-dir.ts'],
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.vitest-report.json' }]] : ['default'],
  },
});
