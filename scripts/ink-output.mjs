import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Some of Ink's modules are swapped at build time (and in the tests, by vitest.config.ts) for
 * ours, which keep their interfaces and results but not their cost (REPLACED below). Ink
 * imports them as `./output.js` and so on; ours (and the tests) reach the originals as
 * `ink/build/…`, paths Ink's exports do not list.
 */
const require = createRequire(import.meta.url);
export const INK_BUILD = dirname(require.resolve('ink'));
export const INK_OUTPUT = join(INK_BUILD, 'output.js');
export const OUR_OUTPUT = fileURLToPath(new URL('../src/ui/frame/output.ts', import.meta.url));
export const INK_LOG_UPDATE = join(INK_BUILD, 'log-update.js');
export const INK_WRAP_TEXT = join(INK_BUILD, 'wrap-text.js');
const ours = (path) => fileURLToPath(new URL(path, import.meta.url));

/** Ink's own modules that ours replace, by the path Ink imports them with. */
export const REPLACED = {
  './output.js': OUR_OUTPUT,
  // Ink's erases the last frame and writes the new one whole; ours writes the changed cells.
  './log-update.js': ours('../src/ui/frame/line-diff-writer.ts'),
  // Ink's keeps every text it wrapped in a cache that never shrinks.
  './wrap-text.js': ours('../src/ui/frame/wrap-text.ts'),
  // Ink's keeps the size of every text it measured, and a pane is one text that changes with
  // every frame: a cache that grows by a pane a frame.
  './measure-text.js': ours('../src/ui/frame/measure-text.ts'),
  // A package, not a module of Ink's: Ink asks it of every text on every frame.
  'widest-line': ours('../src/ui/frame/widest-line.ts'),
};

/**
 * The module an import names: ours for Ink's own import of a replaced module, Ink's original
 * for `ink/build/X.js` (ours fall back to it, tests compare with it), else undefined.
 */
export function swapped(source, importerDir) {
  const original = /^ink\/build\/([\w-]+\.js)$/.exec(source);
  if (original && Object.hasOwn(REPLACED, `./${original[1]}`)) return join(INK_BUILD, original[1]);
  if (importerDir === INK_BUILD && Object.hasOwn(REPLACED, source)) return REPLACED[source];
  return undefined;
}

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
      build.onResolve({ filter: /^((ink\/build|\.)\/[\w-]+\.js|widest-line)$/ }, (args) => {
        const path = swapped(args.path, args.resolveDir);
        return path ? { path } : undefined;
      });
    },
  };
}
