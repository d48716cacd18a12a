import { describe, expect, it } from 'vitest';
import { bundledModules } from '../support/bundled-modules.js';

// Run `npm run build` first: this reads dist/.

describe('the built CLI', () => {
  it("carries our wrapText in place of Ink's, which caches every text it wraps", () => {
    const modules = bundledModules();
    expect(modules).toContain('src/ui/frame/wrap-text.ts');
    expect(modules.filter((path) => path.endsWith('node_modules/ink/build/wrap-text.js'))).toEqual([]);
  });
});
