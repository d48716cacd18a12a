import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Ink's `Output` class (ink/build/output.js) is swapped at build time for ours, which keeps its
 * interface and its frames but not its cost. Ink imports it from its renderer as `./output.js`;
 * ours imports the original as `ink/build/output.js`, a path Ink's exports do not list.
 */
const require = createRequire(import.meta.url);
export const INK_BUILD = dirname(require.resolve('ink'));
export const INK_OUTPUT = join(INK_BUILD, 'output.js');
export const OUR_OUTPUT = fileURLToPath(new URL('../src/ui/frame/output.ts', import.meta.url));
export const INK_WRAP_TEXT = join(INK_BUILD, 'wrap-text.js');

/** Ink's own modules that ours replace, by the path Ink imports them with. */
export const REPLACED = {
  './output.js': OUR_OUTPUT,
  // Ink's keeps every text it wrapped in a cache that never shrinks.
  './wrap-text.js': fileURLToPath(new URL('../src/ui/frame/wrap-text.ts', import.meta.url)),
};

function installed(name) {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}

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
      // Ink imports React's devtools only when DEV=true, and says how to install them if the
      // import fails; bundled, a missing package would fail at load, so it fails where Ink asks.
      build.onResolve({ filter: /^react-devtools-core$/ }, (args) =>
        args.resolveDir === INK_BUILD && !installed('react-devtools-core')
          ? { path: 'react-devtools-core', namespace: 'missing' }
          : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'missing' }, (args) => ({
        contents: `throw Object.assign(new Error("Cannot find package '${args.path}'"), { code: 'ERR_MODULE_NOT_FOUND' });`,
      }));
      build.onResolve({ filter: /^\.\/[\w-]+\.js$/ }, (args) =>
        args.resolveDir === INK_BUILD && Object.hasOwn(REPLACED, args.path)
          ? { path: REPLACED[args.path] }
          : undefined,
      );
    },
  };
}
