import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Ink's `Output` class (ink/build/output.js) is swapped at build time for ours, which keeps its
 * interface and its frames but not its cost. Ink imports it from its renderer as `./output.js`;
 * ours imports the original as `ink/build/output.js`, a path Ink's exports do not list.
 */
export const INK_BUILD = dirname(createRequire(import.meta.url).resolve('ink'));
export const INK_OUTPUT = join(INK_BUILD, 'output.js');
export const OUR_OUTPUT = fileURLToPath(new URL('../src/ui/frame/output.ts', import.meta.url));

/**
 * The esbuild side. Ink must be bundled for its renderer's import to reach this plugin, so
 * `ink` resolves to its files even while other packages stay external; where a build bundles
 * every package, that rule changes nothing.
 */
export function inkOutputPlugin() {
  return {
    name: 'ink-output',
    setup(build) {
      build.onResolve({ filter: /^ink$/ }, () => ({ path: join(INK_BUILD, 'index.js') }));
      build.onResolve({ filter: /^ink\/build\/output\.js$/ }, () => ({ path: INK_OUTPUT }));
      build.onResolve({ filter: /^\.\/output\.js$/ }, (args) =>
        args.resolveDir === INK_BUILD ? { path: OUR_OUTPUT } : undefined,
      );
    },
  };
}
