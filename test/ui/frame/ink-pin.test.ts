import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const ours = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
};
const inkDir = dirname(dirname(require.resolve('ink')));
const installed = JSON.parse(readFileSync(join(inkDir, 'package.json'), 'utf8')) as { version: string };

describe('the pinned Ink', () => {
  it('is pinned to one exact version, since our Output and log-update replace its internal modules', () => {
    expect(ours.dependencies.ink, 'package.json must pin ink exactly (no ^ or ~)').toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('is the Ink installed', () => {
    expect(
      installed.version,
      `node_modules has ink ${installed.version}, package.json pins ${ours.dependencies.ink}: ` +
        'src/ui/frame/output.ts replaces ink/build/output.js, and src/ui/frame/line-diff-writer.ts ' +
        'ink/build/log-update.js, each proven equal to that version only; run npm ci, or move the pin ' +
        'and run test/ui/frame/output-equality.test.ts and line-diff-writer.test.ts',
    ).toBe(ours.dependencies.ink);
  });
});
