import { describe, expect, it } from 'vitest';
import { bundledModules } from '../support/bundled-modules.js';

// Run `npm run build` first: this reads dist/.

describe('the built CLI', () => {
  // Ink's own module, by its source map's name (ink/src/…) or its file's (ink/build/…).
  const inks = (name: string) => new RegExp(`node_modules/ink/(src|build)/${name}\\.[jt]s$`);

  it.each([
    ['wrap-text', 'wrap-text', 'caches every text it wraps'],
    ['measure-text', 'measure-text', 'caches the size of every text it measured, a pane a frame'],
    ['log-update', 'line-diff-writer', 'rewrites the whole frame'],
  ])("carries, for Ink's %s, our %s (Ink's %s)", (name, ours) => {
    const modules = bundledModules();
    expect(modules).toContain(`src/ui/frame/${ours}.ts`);
    expect(modules.filter((path) => inks(name).test(path))).toEqual([]);
  });

  it('gives Ink our widest-line, which keeps each line width while frames show it', () => {
    const modules = bundledModules();
    expect(modules).toContain('src/ui/frame/widest-line.ts');
    expect(modules.filter((path) => path.includes('node_modules/widest-line/'))).toEqual([]);
  });

  it('still holds the original Output our fast path falls back to (the check can fail)', () => {
    expect(bundledModules().filter((path) => inks('output').test(path))).not.toEqual([]);
  });
});
