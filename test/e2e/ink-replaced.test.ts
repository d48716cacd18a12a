import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Run `npm run build` first: this reads dist/.

/** esbuild marks where each bundled module starts with its path. */
function bundledModules(): string[] {
  const files = [
    ...readdirSync('dist').map((name) => join('dist', name)),
    ...readdirSync(join('dist', 'chunks')).map((name) => join('dist', 'chunks', name)),
  ].filter((path) => path.endsWith('.js'));
  return files.flatMap((path) =>
    [...readFileSync(path, 'utf8').matchAll(/^\/\/ (\S+\.[jt]sx?)$/gm)].map((m) => m[1] ?? ''),
  );
}

describe('the built CLI', () => {
  it("carries our wrapText in place of Ink's, which caches every text it wraps", () => {
    const modules = bundledModules();
    expect(modules).toContain('src/ui/frame/wrap-text.ts');
    expect(modules.filter((path) => path.endsWith('node_modules/ink/build/wrap-text.js'))).toEqual([]);
  });
});
